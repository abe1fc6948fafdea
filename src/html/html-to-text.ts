/**
 * Plain text from the HTML that `renderMarkdown` makes (markdown-it with raw HTML disabled), for
 * chat apps and mail: no tags, no entities and no Markdown markup left. Only the tags markdown-it
 * writes are understood (p, br, strong, em, code, a, ul, ol, li, h3-h6, blockquote, pre, tables,
 * hr, span, div); any other tag is treated as a transparent container.
 */

interface Element {
  tag: string;
  attrs: Record<string, string>;
  children: Node[];
}
type Node = Element | string;

const voidTags = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'wbr']);
const blockTags = new Set([
  'p',
  'div',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'table',
  'thead',
  'tbody',
  'tfoot',
  'tr',
  'th',
  'td',
  'hr',
]);

const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Decodes the character references markdown-it writes: `&amp;`, `&lt;`, `&gt;`, `&quot;`, `&#39;`, `&nbsp;` and any numeric one. */
export function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z]+));/g, (whole, dec?: string, hex?: string, name?: string) => {
    if (name !== undefined) return named[name] ?? whole;
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex as string, 16);
    if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
    return String.fromCodePoint(code);
  });
}

function parseAttrs(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  for (const match of source.matchAll(/([^\s=/"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+)))?/g)) {
    const name = (match[1] as string).toLowerCase();
    attrs[name] = decodeEntities(match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attrs;
}

/** A tolerant parse into a tree: unclosed elements close at their parent's end, stray end tags are ignored. */
function parse(html: string): Element {
  const root: Element = { tag: '#root', attrs: {}, children: [] };
  const stack: Element[] = [root];
  const top = () => stack[stack.length - 1] as Element;
  for (const match of html.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)((?:[^>"']|"[^"]*"|'[^']*')*)>|<!--[\s\S]*?-->|([^<]+|<)/g)) {
    const [, slash, rawTag, rest, text] = match;
    if (text !== undefined) {
      top().children.push(text);
      continue;
    }
    if (rawTag === undefined) continue; // a comment
    const tag = rawTag.toLowerCase();
    if (slash) {
      const at = stack.map((e) => e.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
      continue;
    }
    const element: Element = { tag, attrs: parseAttrs((rest ?? '').replace(/\/\s*$/, '')), children: [] };
    top().children.push(element);
    if (!voidTags.has(tag) && !/\/\s*$/.test(rest ?? '')) stack.push(element);
  }
  return root;
}

function isBlock(node: Node): boolean {
  return typeof node !== 'string' && blockTags.has(node.tag);
}

/** The raw text of a subtree, whitespace kept (for `pre`). */
function rawText(node: Node): string {
  if (typeof node === 'string') return decodeEntities(node);
  if (node.tag === 'br') return '\n';
  return node.children.map(rawText).join('');
}

/** Compares a link's text and address the way a reader would: scheme, `mailto:` and a final slash do not count. */
function sameAddress(text: string, href: string): boolean {
  const norm = (s: string) =>
    s
      .trim()
      .replace(/^(?:https?:\/\/|mailto:)/i, '')
      .replace(/\/$/, '')
      .toLowerCase();
  return norm(text) === norm(href);
}

/** Inline content as text; `\n` stands for a `<br>`, every other run of white space is one space. */
function inline(nodes: readonly Node[]): string {
  let out = '';
  for (const node of nodes) {
    if (typeof node === 'string') {
      out += decodeEntities(node.replace(/[ \t\r\n\f]+/g, ' '));
      continue;
    }
    switch (node.tag) {
      case 'br':
        out += '\n';
        break;
      case 'img':
        out += node.attrs.alt ?? '';
        break;
      case 'a': {
        const text = inline(node.children).trim();
        const href = (node.attrs.href ?? '').trim();
        if (!href || href.startsWith('#') || sameAddress(text, href)) out += text || href;
        else if (!text) out += href;
        else out += `${text} (${href.replace(/^mailto:/i, '')})`;
        break;
      }
      default:
        out += inline(node.children);
    }
  }
  return out;
}

/**
 * `line` without the spaces at its start and end, found by a scan: a regex such as `/^ +| +$/g`
 * tries `+$` from every space of a run and takes quadratic time on a long run of spaces.
 */
function trimSpaces(line: string): string {
  let start = 0;
  let end = line.length;
  while (start < end && line.charCodeAt(start) === 32) start++;
  while (end > start && line.charCodeAt(end - 1) === 32) end--;
  return start === 0 && end === line.length ? line : line.slice(start, end);
}

/** Appends `items` one by one: `push(...items)` overflows the stack on a block of 100,000 lines. */
function append(out: string[], items: readonly string[]): void {
  for (const item of items) out.push(item);
}

/** Inline text cut into trimmed lines, leading and trailing empty ones dropped. */
function inlineLines(nodes: readonly Node[]): string[] {
  const lines = inline(nodes).split('\n').map(trimSpaces);
  while (lines.length && lines[0] === '') lines.shift();
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function indent(lines: readonly string[], first: string, rest: string): string[] {
  return lines.map((line, i) => (line === '' ? '' : (i === 0 ? first : rest) + line));
}

function listLines(list: Element): string[] {
  const ordered = list.tag === 'ol';
  let number = ordered ? Number.parseInt(list.attrs.start ?? '1', 10) || 1 : 1;
  const out: string[] = [];
  for (const item of list.children) {
    if (typeof item === 'string') {
      if (item.trim()) append(out, inlineLines([item]));
      continue;
    }
    const marker = ordered ? `${number++}. ` : '• ';
    const content = item.tag === 'li' ? container(item.children, false) : block(item);
    append(
      out,
      indent(content.length ? content : [''], marker, ' '.repeat(marker.length)).map((l, i) =>
        i === 0 && l === '' ? marker.trimEnd() : l,
      ),
    );
  }
  return out;
}

function tableLines(table: Element): string[] {
  const rows: string[] = [];
  const walk = (node: Node) => {
    if (typeof node === 'string') return;
    if (node.tag === 'tr') {
      const cells = node.children
        .filter((c): c is Element => typeof c !== 'string' && (c.tag === 'td' || c.tag === 'th'))
        .map((cell) => inlineLines(cell.children).join(' '));
      if (cells.some((c) => c !== '')) rows.push(cells.join(' | '));
      return;
    }
    node.children.forEach(walk);
  };
  walk(table);
  return rows;
}

/** One block element as lines. */
function block(node: Element): string[] {
  switch (node.tag) {
    case 'ul':
    case 'ol':
      return listLines(node);
    case 'pre': {
      const lines = rawText(node).replace(/\n$/, '').split('\n');
      // trimEnd scans back from the end once; `/\s+$/` would be quadratic on a long run of spaces.
      return lines.map((line) => line.trimEnd());
    }
    case 'blockquote':
      return container(node.children, true).map((line) => (line === '' ? '│' : `│ ${line}`));
    case 'table':
      return tableLines(node);
    case 'hr':
      return ['———'];
    case 'li':
      return container(node.children, false);
    case 'tr':
      return tableLines({ tag: 'table', attrs: {}, children: [node] });
    default:
      // p, headings, div and anything unknown that holds blocks or inline text.
      return container(node.children, node.tag !== 'p' && !/^h\d$/.test(node.tag));
  }
}

/**
 * The children of an element as lines: runs of inline content become paragraphs, block children
 * their own lines; with `loose`, a blank line separates them, otherwise a line break.
 */
function container(children: readonly Node[], loose: boolean): string[] {
  const parts: string[][] = [];
  let run: Node[] = [];
  const flush = () => {
    const lines = inlineLines(run);
    if (lines.length) parts.push(lines);
    run = [];
  };
  for (const child of children) {
    if (isBlock(child)) {
      flush();
      const lines = block(child as Element);
      while (lines.length && lines[lines.length - 1] === '') lines.pop();
      if (lines.length) parts.push(lines);
    } else run.push(child);
  }
  flush();
  const out: string[] = [];
  for (const part of parts) {
    if (out.length && loose) out.push('');
    append(out, part);
  }
  return out;
}

/**
 * Converts HTML rendered from a log's Markdown to plain text that reads well in a chat app:
 * paragraphs separated by blank lines, list items as `• item` or `1. item`, links as
 * `text (address)` when the text is not the address itself, emphasis dropped, entities decoded.
 * The result has no trailing newline.
 */
export function htmlToText(html: string): string {
  const lines = container(parse(html).children, true);
  const out: string[] = [];
  for (const line of lines) {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}
