/**
 * What HTML a log's Markdown may produce. The policy (src/render/markdown.ts):
 * - Raw HTML is never passed through: every tag, comment and entity in a log is shown as text.
 * - Links (inline, reference, autolinks and bare addresses) are kept only for http:, https:,
 *   mailto: and #anchors, with rel="noopener noreferrer nofollow"; any other scheme (javascript:,
 *   vbscript:, data:, file:, protocol-relative //host) leaves the Markdown as text.
 * - Images are never loaded: an image becomes its alt text in brackets and, for http(s), its
 *   address as text.
 * - The only attributes are href/title/rel on links (and class="url" on a link that shows its own
 *   address), class on warta's own wrappers, start on ordered lists and text-align styles on
 *   table cells.
 * Each case is checked on the HTML of renderMarkdown (sections) and renderInline (front-matter
 * values), and on the plain text made from it for the .txt notice and the e-mail.
 */
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../src/html/html-to-text.js';
import { renderInline, renderMarkdown } from '../../src/html/markdown.js';
import { expectInertHtml, expectSafeFragment } from './inert.js';

interface Case {
  name: string;
  markdown: string;
  /** HTML renderInline must produce exactly, for the cases where the exact form matters. */
  html?: string;
  /** What the reader sees (htmlToText of renderMarkdown); by default the Markdown itself, as text. */
  text?: string;
}

/** Shown as text, character for character (addresses inside may become links of their own). */
const asText = (markdown: string): Omit<Case, 'name'> => ({ markdown });

const cases: Case[] = [
  { name: 'script element', ...asText('<script>alert(1)</script>') },
  { name: 'image with an event handler', ...asText('<img src=x onerror=alert(1)>') },
  { name: 'event attribute on any tag', ...asText('<div onclick="alert(1)" onmouseover=alert(1)>x</div>') },
  { name: 'iframe', ...asText('<iframe src="https://attacker.example/"></iframe>') },
  { name: 'object and embed', ...asText('<object data="https://attacker.example/x"></object><embed src="x">') },
  { name: 'style element loading a URL', ...asText('<style>@import url(https://attacker.example/x.css)</style>') },
  { name: 'style attribute loading a URL', ...asText('<span style="background:url(https://attacker.example/p.png)">x</span>') },
  {
    name: 'link and meta refresh',
    ...asText(
      '<link rel=stylesheet href=https://attacker.example/x.css><meta http-equiv=refresh content="0;url=https://attacker.example">',
    ),
  },
  { name: 'form', ...asText('<form action="https://attacker.example"><button formaction="x">go</button></form>') },
  { name: 'svg with onload', ...asText('<svg onload=alert(1)><use href="https://attacker.example/#x"/></svg>') },
  { name: 'HTML link to javascript:', ...asText('<a href="javascript:alert(1)">x</a>') },
  { name: 'HTML comment', ...asText('<!-- hidden -->') },
  { name: 'closing the title', ...asText('</title><script>alert(1)</script>') },
  { name: 'Markdown link to javascript:', ...asText('[x](javascript:alert(1))') },
  { name: 'javascript: in capitals', ...asText('[x](JaVaScRiPt:alert(1))') },
  {
    name: 'javascript: as entities',
    markdown: '[x](&#106;avascript:alert(1))',
    html: '[x](javascript:alert(1))',
    text: '[x](javascript:alert(1))',
  },
  { name: 'javascript: in angle brackets', ...asText('[x](<javascript:alert(1)>)') },
  { name: 'vbscript:', ...asText('[x](vbscript:msgbox(1))') },
  { name: 'data:text/html', ...asText('[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)') },
  { name: 'file:', ...asText('[x](file:///etc/passwd)') },
  { name: 'protocol-relative', ...asText('[x](//attacker.example/)') },
  { name: 'autolink to javascript:', ...asText('<javascript:alert(1)>') },
  { name: 'autolink to data:', ...asText('<data:text/html,x>') },
  {
    name: 'reference link to javascript:',
    markdown: '[x][evil]\n\n[evil]: javascript:alert(1)',
  },
  {
    name: 'remote image',
    markdown: '![tracking pixel](https://attacker.example/p.png)',
    html: '<span class="image-placeholder">[tracking pixel] <span class="image-src">(https://attacker.example/p.png)</span></span>',
    text: '[tracking pixel] (https://attacker.example/p.png)',
  },
  { name: 'image with a data: address', ...asText('![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)') },
  { name: 'image with a javascript: address', ...asText('![x](javascript:alert(1))') },
  {
    name: 'reference image',
    markdown: '![x][p]\n\n[p]: https://attacker.example/p.png',
    text: '[x] (https://attacker.example/p.png)',
  },
  { name: 'Handlebars expression', ...asText("{{constructor.constructor('alert(1)')()}}") },
  { name: 'Handlebars partial', ...asText('{{> layout}} {{{css}}}') },
  {
    name: 'escaped HTML entities stay text',
    markdown: '&lt;script&gt; &#60;iframe&#62;',
    html: '&lt;script&gt; &lt;iframe&gt;',
    text: '<script> <iframe>',
  },
  {
    name: 'title attribute cannot break out',
    markdown: '[x](https://example.com "a\\" onmouseover=\\"alert(1)")',
    html: '<a href="https://example.com" title="a&quot; onmouseover=&quot;alert(1)" rel="noopener noreferrer nofollow">x</a>',
    text: 'x (https://example.com)',
  },
  {
    name: 'quotes in an address are encoded',
    markdown: '[x](https://example.com/"onmouseover="alert(1))',
    html: '<a href="https://example.com/%22onmouseover=%22alert(1)" rel="noopener noreferrer nofollow">x</a>',
    text: 'x (https://example.com/%22onmouseover=%22alert(1))',
  },
  {
    name: 'allowed: https link',
    markdown: '[runbook](https://example.com/runbook)',
    html: '<a href="https://example.com/runbook" rel="noopener noreferrer nofollow">runbook</a>',
    text: 'runbook (https://example.com/runbook)',
  },
  {
    name: 'allowed: mailto link',
    markdown: '[ops](mailto:ops@example.com)',
    html: '<a href="mailto:ops@example.com" rel="noopener noreferrer nofollow">ops</a>',
    text: 'ops (ops@example.com)',
  },
  {
    name: 'allowed: in-page anchor',
    markdown: '[timeline](#timeline)',
    html: '<a href="#timeline" rel="noopener noreferrer nofollow">timeline</a>',
    text: 'timeline',
  },
  {
    name: 'allowed: autolink',
    markdown: '<https://status.example.com>',
    html: '<a href="https://status.example.com" rel="noopener noreferrer nofollow" class="url">https://status.example.com</a>',
    text: 'https://status.example.com',
  },
  {
    name: 'allowed: bare address',
    markdown: 'see www.example.com',
    html: 'see <a href="http://www.example.com" rel="noopener noreferrer nofollow" class="url">www.example.com</a>',
    text: 'see www.example.com',
  },
  {
    name: 'code keeps HTML as text',
    markdown: '`<script>alert(1)</script>`',
    html: '<code>&lt;script&gt;alert(1)&lt;/script&gt;</code>',
    text: '<script>alert(1)</script>',
  },
];

describe('Markdown in a log produces no raw HTML and only safe links', () => {
  it.each(cases)('$name', ({ markdown, html, text }) => {
    const inline = renderInline(markdown);
    const block = renderMarkdown(markdown);
    expectSafeFragment(inline, 'inline');
    expectSafeFragment(block, 'block');
    if (html !== undefined) {
      expect(inline).toBe(html);
      expect(block).toContain(html);
    }
    // The reader sees what the log says, as text, in the HTML and in the plain-text notice.
    expect(htmlToText(block)).toBe(text ?? markdown);
  });

  it('a fenced code block (its language a class) and a table cell keep HTML as text', () => {
    const block = renderMarkdown('```html\n<script>alert(1)</script>\n```\n\n| a | b |\n|:--|--:|\n| <iframe> | x |\n');
    expectSafeFragment(block);
    expect(block).toContain('<pre><code class="language-html">&lt;script&gt;alert(1)&lt;/script&gt;\n</code></pre>');
    expect(block).toContain('<td style="text-align:left">&lt;iframe&gt;</td>');
  });

  it('the checks catch what they are for', () => {
    for (const bad of [
      '<img src="x">',
      '<a href="javascript:alert(1)">x</a>',
      '<p onclick="x">',
      '<td style="background:url(x)">',
      '<script>',
      '<a href="https://x" rel="opener">x</a>',
    ])
      expect(() => expectSafeFragment(bad), bad).toThrow();
  });
});

describe('the checks on whole documents catch what they are for', () => {
  const page = (head: string, body: string) =>
    `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:">${head}</head><body>${body}</body></html>`;

  it('passes an inert page', () => {
    expect(() =>
      expectInertHtml(page('<style>@font-face { src: url(data:font/woff2;base64,AAAA) }</style>', '<p class="x">&lt;script&gt;</p>')),
    ).not.toThrow();
  });

  it.each([
    ['a script', page('', '<script>alert(1)</script>')],
    ['an event handler', page('', '<p onclick="x">y</p>')],
    ['an image', page('', '<img alt="">')],
    ['a javascript: link', page('', '<a href="javascript:alert(1)">x</a>')],
    ['an entity-encoded javascript: link', page('', '<a href="&#106;avascript:alert(1)">x</a>')],
    ['a CSS url() in a style attribute', page('', '<p style="background:url(https://x)">y</p>')],
    ['an @import', page('<style>@import url(https://x/y.css);</style>', '')],
    ['a remote font', page('<style>@font-face { src: url(https://x/f.woff2) }</style>', '')],
    ['a meta refresh', page('<meta http-equiv="refresh" content="0;url=https://x">', '')],
    ['no CSP', '<!doctype html><html><head></head><body></body></html>'],
    ['a CSP that allows scripts', page('', '').replace("default-src 'none'", "default-src 'none'; script-src *")],
  ])('fails a page with %s', (_, html) => {
    expect(() => expectInertHtml(html)).toThrow();
  });
});
