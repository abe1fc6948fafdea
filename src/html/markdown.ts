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
  tokens[idx]?.attrSet('rel', 'noopener noreferrer nofollow');
  return defaultLinkOpen(tokens, idx, options, env, self);
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
