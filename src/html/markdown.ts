import MarkdownIt from 'markdown-it';
import { decodeEntities } from './html-to-text.js';

/**
 * The Markdown of a log as HTML that is inert: raw HTML is shown as text, links go only to
 * http(s), mailto and in-page anchors, and images are never loaded (their alt text and address are
 * shown instead), so neither a browser reading the HTML nor Chromium printing it fetches anything.
 */
const md = new MarkdownIt({ html: false, linkify: true, typographer: false, breaks: false });

const safeLink = /^(https?:|mailto:|#)/i;
md.validateLink = (url: string) => safeLink.test(url.trim());

md.renderer.rules.image = (tokens, idx) => {
  const token = tokens[idx];
  const alt = token ? md.utils.escapeHtml(token.content || token.attrGet('alt') || '') : '';
  const src = token?.attrGet('src') ?? '';
  const where = safeLink.test(src) ? ` <span class="image-src">(${md.utils.escapeHtml(src)})</span>` : '';
  return `<span class="image-placeholder">[${alt || 'image'}]${where}</span>`;
};

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  const token = tokens[idx];
  token?.attrSet('rel', 'noopener noreferrer nofollow');
  // A link that shows its own address (a bare domain, <https://…>, [x.com](https://x.com)) is marked,
  // so print does not repeat the address after it.
  if (token && showsItsAddress(tokens, idx)) token.attrSet('class', 'url');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

/** True when the link's text is its address, give or take the scheme, `www.` and a closing slash. */
function showsItsAddress(
  tokens: { type: string; content: string; markup: string; attrGet(name: string): string | null }[],
  idx: number,
): boolean {
  const open = tokens[idx];
  if (!open) return false;
  if (open.markup === 'linkify' || open.markup === 'autolink') return true;
  let text = '';
  for (let i = idx + 1; i < tokens.length && tokens[i]?.type !== 'link_close'; i++) text += tokens[i]?.content ?? '';
  const bare = (address: string) =>
    address
      .trim()
      .toLowerCase()
      .replace(/^(https?:\/\/|mailto:)/, '')
      .replace(/^www\./, '')
      .replace(/\/+$/, '');
  return text.trim() !== '' && bare(text) === bare(open.attrGet('href') ?? '');
}

// Inline code breaks between words and after a slash, never at a hyphen inside a token (`C-0000123*.sys`
// is not split into `C-` and `0000123*.sys`): each part of a token that holds a hyphen is kept on one
// line, unless it is too long to fit one.
md.renderer.rules.code_inline = (tokens, idx, _options, _env, self) => {
  const token = tokens[idx];
  if (!token) return '';
  const html = token.content
    .split(/(\s+)/)
    .flatMap((word) => word.split(/(?<=\/)/))
    .map((part) => {
      const text = md.utils.escapeHtml(part);
      return part.includes('-') && part.length <= 48 ? `<span class="nobr">${text}</span>` : text;
    })
    .join('');
  return `<code${self.renderAttrs(token)}>${html}</code>`;
};

// Tables get a wrapper so they can scroll on a phone instead of breaking the layout.
md.renderer.rules.table_open = () => '<div class="table-wrap"><table>\n';
md.renderer.rules.table_close = () => '</table></div>\n';

/** Block Markdown (paragraphs, lists, tables, headings shifted below the document's own) as safe HTML. */
export function renderMarkdown(text: string | undefined): string {
  if (!text) return '';
  const tokens = md.parse(text, {});
  for (const token of tokens) {
    // Section headings are h2 in the document; headings inside a section start at h3.
    if (token.type === 'heading_open' || token.type === 'heading_close') {
      const level = Math.min(6, Math.max(3, Number(token.tag.slice(1)) + 1));
      token.tag = `h${level}`;
    }
  }
  return md.renderer.render(tokens, md.options, {});
}

/** One line of Markdown (bold, code, links) as safe HTML, without a paragraph around it. */
export function renderInline(text: string | undefined): string {
  if (!text) return '';
  return md.renderInline(text);
}

/** Markdown reduced to its plain words, for metadata and plain-text output. */
export function markdownToText(text: string | undefined): string {
  if (!text) return '';
  const html = md.renderInline(text.replace(/\n+/g, ' '));
  return decodeEntities(html.replace(/<[^>]+>/g, '')).trim();
}
