/**
 * Checks that a rendered document is inert: nothing in it can run, load or send anything. Shared by
 * the hostile-content tests and the render fuzz. They read the HTML as a browser would see its tags,
 * so text that merely looks like a tag (escaped `&lt;script&gt;`) passes and a real tag fails.
 */
import { expect } from 'vitest';

/** Tags that run code, load something, embed another document or send a form. */
const forbiddenTags = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'img',
  'image',
  'picture',
  'source',
  'video',
  'audio',
  'track',
  'link',
  'base',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'foreignobject',
  'use',
  'animate',
  'set',
  'portal',
  'noscript',
  'template',
  'svg:script',
]);

/** Attributes that load something or name where to send or go; `href` is checked on its own. */
const forbiddenAttributes = new Set([
  'src',
  'srcset',
  'srcdoc',
  'formaction',
  'action',
  'background',
  'poster',
  'ping',
  'xlink:href',
  'data',
  'codebase',
  'dynsrc',
  'lowsrc',
]);

const safeHref = /^(?:https?:|mailto:|#)/i;

export interface Tag {
  name: string;
  attrs: [string, string][];
  /** Offset in the document. */
  at: number;
}

function decode(text: string): string {
  return text
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(Math.min(Number.parseInt(hex, 16), 0x10ffff)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Math.min(Number.parseInt(dec, 10), 0x10ffff)))
    .replace(/&colon;/gi, ':')
    .replace(/&tab;/gi, '\t')
    .replace(/&newline;/gi, '\n')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

/** Every start tag of an HTML document with its attributes (values decoded), as a browser would tokenize them. */
export function tagsOf(html: string): Tag[] {
  const tags: Tag[] = [];
  const body = html.replace(/<!--[\s\S]*?-->/g, (c) => ' '.repeat(c.length));
  for (const match of body.matchAll(/<([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g)) {
    const attrs: [string, string][] = [];
    for (const a of (match[2] ?? '').matchAll(/([^\s=/"'>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
      attrs.push([(a[1] as string).toLowerCase(), decode(a[2] ?? a[3] ?? a[4] ?? '')]);
    }
    tags.push({ name: (match[1] as string).toLowerCase(), attrs, at: match.index ?? 0 });
  }
  return tags;
}

/**
 * An HTML document from warta that cannot run or load anything: a CSP that allows no script and
 * no request, no tag that runs or loads, no event handler, no link but http(s), mailto and #anchors,
 * no CSS that loads a URL other than `data:`.
 */
export function expectInertHtml(html: string, where = 'document'): void {
  const headEnd = html.indexOf('</head>');
  expect(headEnd, `${where}: has a head`).toBeGreaterThan(0);
  const tags = tagsOf(html);
  const csp = tags.filter(
    (t) => t.name === 'meta' && t.attrs.some(([n, v]) => n === 'http-equiv' && v.toLowerCase() === 'content-security-policy'),
  );
  expect(csp, `${where}: one Content-Security-Policy`).toHaveLength(1);
  const policy = csp[0]?.attrs.find(([n]) => n === 'content')?.[1] ?? '';
  expect(policy).toMatch(/default-src 'none'/);
  expect(policy).not.toMatch(/script-src|unsafe-eval|connect-src|frame-src|\*/);
  expect(csp[0]?.at ?? Infinity, `${where}: the CSP comes first, in the head`).toBeLessThan(headEnd);

  for (const tag of tags) {
    const label = `${where}: <${tag.name} ${tag.attrs.map(([n, v]) => `${n}="${v}"`).join(' ')}>`;
    expect(forbiddenTags.has(tag.name), label).toBe(false);
    if (tag.name === 'meta' || tag.name === 'style' || tag.name === 'title' || tag.name === 'head') {
      if (tag.name !== 'title') expect(tag.at, `${label} only in the head`).toBeLessThan(headEnd);
    }
    for (const [name, value] of tag.attrs) {
      expect(name.startsWith('on'), `${label}: event handler ${name}`).toBe(false);
      expect(forbiddenAttributes.has(name), `${label}: attribute ${name}`).toBe(false);
      if (name === 'http-equiv') expect(value.toLowerCase(), label).toBe('content-security-policy');
      if (name === 'href') expect(value.replace(/[\s\u0000-\u001f]/g, ''), label).toMatch(safeHref);
      if (name === 'style') expect(value, label).not.toMatch(/url\s*\(|expression\s*\(|@import|\\/i);
    }
  }
  // The stylesheets (warta's own, in the head) load nothing but data: fonts.
  for (const match of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)) {
    const css = match[1] ?? '';
    expect(css, `${where}: @import in a stylesheet`).not.toMatch(/@import/i);
    for (const url of css.matchAll(/url\(\s*(['"]?)([^'")]*)/gi)) expect(url[2], `${where}: url() in a stylesheet`).toMatch(/^data:/i);
  }
}

/** Header names a notice e-mail has, each once; anything else would be an injected header. */
const mailHeaders = ['from', 'to', 'subject', 'date', 'message-id', 'mime-version', 'content-language', 'x-unsent', 'content-type'];

/** A notice e-mail whose headers no log value can add to or break, and whose every line is 7-bit, CRLF-ended and short. */
export function expectSafeEml(eml: string, where = 'eml'): void {
  expect(eml, `${where}: only CRLF line ends`).not.toMatch(/\r(?!\n)|(?<!\r)\n/);
  expect(/^[\x00-\x7f]*$/.test(eml), `${where}: 7-bit`).toBe(true);
  const headerEnd = eml.indexOf('\r\n\r\n');
  expect(headerEnd).toBeGreaterThan(0);
  const names: string[] = [];
  for (const line of eml.slice(0, headerEnd).split('\r\n')) {
    expect(line.length, `${where}: header line "${line}"`).toBeLessThanOrEqual(78);
    if (/^[ \t]/.test(line)) continue;
    const name = /^([A-Za-z-]+):/.exec(line)?.[1]?.toLowerCase();
    expect(name, `${where}: header line "${line}"`).toBeDefined();
    names.push(name as string);
  }
  for (const name of names) expect(mailHeaders, `${where}: header ${name}`).toContain(name);
  expect(new Set(names).size, `${where}: a header twice`).toBe(names.length);
  for (const line of eml.slice(headerEnd + 4).split('\r\n')) expect(line.length, `${where}: body line`).toBeLessThanOrEqual(78);
}

/** Plain text with no control character but line feeds and tabs (no ESC sequence can reach a terminal). */
export function expectPlainText(text: string, where = 'text'): void {
  expect(text, `${where}: control characters`).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  expect(text, `${where}: lone surrogates`).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
}

/** Tags warta's Markdown may produce, and the attributes each may carry. */
const fragmentTags: Record<string, readonly string[]> = {
  p: [],
  br: [],
  hr: [],
  strong: [],
  em: [],
  s: [],
  code: ['class'],
  pre: [],
  blockquote: [],
  ul: [],
  ol: ['start'],
  li: [],
  h3: [],
  h4: [],
  h5: [],
  h6: [],
  // class="url" marks a link whose text is its address (print leaves the address out after it).
  a: ['href', 'title', 'rel', 'class'],
  span: ['class'],
  div: ['class'],
  table: [],
  thead: [],
  tbody: [],
  tr: [],
  th: ['style'],
  td: ['style'],
};

/**
 * HTML made from a log's Markdown: only the tags and attributes Markdown itself produces (no raw
 * HTML), links only to http(s), mailto and #anchors with rel=noopener, styles only for table alignment.
 */
export function expectSafeFragment(html: string, where = 'fragment'): void {
  for (const tag of tagsOf(html)) {
    const allowed = fragmentTags[tag.name];
    expect(allowed, `${where}: <${tag.name}> is not a tag Markdown makes`).toBeDefined();
    for (const [name, value] of tag.attrs) {
      expect(allowed, `${where}: <${tag.name} ${name}>`).toContain(name);
      if (name === 'href') expect(value, `${where}: href`).toMatch(safeHref);
      if (name === 'rel') expect(value).toBe('noopener noreferrer nofollow');
      if (tag.name === 'a' && name === 'class') expect(value).toBe('url');
      if (name === 'style') expect(value).toMatch(/^text-align:(?:left|right|center)$/);
    }
  }
}
