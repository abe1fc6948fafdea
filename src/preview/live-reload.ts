import { decodeEntities } from '../html/html-to-text.js';
import { scriptHash } from '../archive/content-security-policy.js';

/** Where the preview server sends its change events. */
export const liveReloadPath = '/__warta/events';

/** The script injected into every page the preview serves: reload when the server says the output changed. */
export const liveReloadScript = `(function(){var s=new EventSource('${liveReloadPath}');s.addEventListener('reload',function(){location.reload();});})();`;

/** A policy with the live-reload script allowed by hash and connections back to the preview server allowed. */
function allowLiveReload(policy: string): string {
  const directives = policy
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => d.split(/\s+/));
  const add = (name: string, source: string) => {
    const found = directives.find((d) => d[0] === name);
    if (!found) directives.push([name, source]);
    else if (found.includes("'none'")) found.splice(1, found.length - 1, source);
    else if (!found.includes(source)) found.push(source);
  };
  add('script-src', scriptHash(liveReloadScript));
  add('connect-src', "'self'");
  return directives.map((d) => d.join(' ')).join('; ');
}

/**
 * A served HTML page with the live-reload script added before `</body>`, and the page's
 * Content-Security-Policy (its `<meta>`, which the browser enforces too) widened by exactly that
 * script's hash and `connect-src 'self'`. Returns the policy for the response header as well. Only
 * the preview does this; the files on disk never change.
 */
export function withLiveReload(html: string): { html: string; csp: string } {
  const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/i;
  const found = meta.exec(html);
  const csp = allowLiveReload(
    found ? decodeEntities(found[1] ?? '') : "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:",
  );
  const tag = `<meta http-equiv="Content-Security-Policy" content="${csp.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}">`;
  let out = found ? html.replace(meta, () => tag) : html.replace(/<head[^>]*>/i, (head) => `${head}\n${tag}`);
  const script = `<script>${liveReloadScript}</script>`;
  const end = out.lastIndexOf('</body>');
  out = end === -1 ? `${out}${script}` : `${out.slice(0, end)}${script}\n${out.slice(end)}`;
  return { html: out, csp };
}
