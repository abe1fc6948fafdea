import { decodeEntities } from '../html/html-to-text.js';
import { scriptHash } from '../archive/content-security-policy.js';

/** Where the preview server sends its change events. */
export const liveReloadPath = '/__warta/events';

/**
 * The script injected into every page the preview serves: reload when the server says the output
 * changed, and show the last build's problems (a log's errors, a template error) over the page,
 * until a build has none. The server sends the problems on connecting and after every build.
 */
export const liveReloadScript = [
  '(function(){',
  `var s=new EventSource('${liveReloadPath}');`,
  "s.addEventListener('reload',function(){location.reload();});",
  "s.addEventListener('problems',function(e){",
  "var list=JSON.parse(e.data),old=document.getElementById('warta-problems');",
  'if(old)old.remove();',
  'if(!list.length)return;',
  "var box=document.createElement('div');box.id='warta-problems';box.setAttribute('role','alert');",
  "var t=box.style;t.position='fixed';t.left='0';t.right='0';t.bottom='0';t.maxHeight='60vh';t.overflow='auto';t.zIndex='2147483647';",
  "t.background='#fff4f4';t.color='#7a0000';t.borderTop='4px solid #b00020';t.padding='12px 16px';t.font='14px/1.45 ui-monospace,Menlo,Consolas,monospace';t.whiteSpace='pre-wrap';",
  "var h=document.createElement('strong');h.textContent='warta: '+list.length+' problem(s) in the last build; a log or template with an error was not rebuilt\\n';box.appendChild(h);",
  "box.appendChild(document.createTextNode(list.join('\\n')));",
  'document.body.appendChild(box);',
  '});',
  '})();',
].join('');

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
