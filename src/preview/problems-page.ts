import { escapeXml } from '../html/escape-xml.js';

/** One thing the last build got wrong, as the terminal prints it: `incidents/x.md:12:3 error … message`. */
export type Problem = string;

/**
 * The page the preview serves at `/` when it previews files rather than a folder: it builds no
 * archive then (as `warta render <file>` does not), so as not to shrink the one in the output
 * folder; this lists the previewed logs' documents instead. It is made for each request, never written.
 */
export function previewIndexPage(documents: readonly { log: string; pages: readonly string[] }[]): string {
  const items = documents
    .map(
      ({ log, pages }) =>
        `<li><strong>${escapeXml(log)}</strong><ul>${
          pages
            .map((page) => `<li><a href="${escapeXml(encodeURI(page))}">${escapeXml(page.split('/').pop() ?? page)}</a></li>`)
            .join('') || '<li>not rendered yet: see the problems below or in the terminal</li>'
        }</ul></li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>warta preview</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}a{color:#1f4e79}</style>
</head><body><h1>warta preview</h1>
<p>The documents of the logs being previewed. The archive is built only when a folder is previewed, so the archive in the output folder is left as it is.</p>
<ul>${items || '<li>No log found.</li>'}</ul>
</body></html>
`;
}
