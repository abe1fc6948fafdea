import { WartaError } from '../errors.js';
import { escapeXml } from '../html/escape-xml.js';
import type { DocumentView } from '../model/build-view.js';
import type { TemplateSet } from './load-templates.js';

/** What the running header and footer partials get, besides the document's view (`view`). */
export interface PdfChromeParts {
  /** Header, left: the organization and the document's name. */
  left: string;
  /** Header, right: the title, when the document has one language. */
  right: string;
  /** Footer, left: the log's id. */
  footer: string;
  /** "Page {page} of {pages}" in the document's words. */
  pageOf: string;
  /** The page's side margins, so the header lines up with the text. */
  margin?: { left: string; right: string };
}

/**
 * The running header and footer of a PDF, from the `pdf-header` and `pdf-footer` partials (or
 * `pdf-header-<kind>` / `pdf-footer-<kind>` when the templates have one for this document). Chromium
 * prints them in the page margins, isolated from the page: inline styles only, and the spans with
 * class `pageNumber` and `totalPages` hold the numbers. Throws a WartaError naming the partial.
 */
export function renderPdfChrome(
  templates: TemplateSet,
  kind: string,
  views: readonly DocumentView[],
  parts: PdfChromeParts,
): { headerTemplate: string; footerTemplate: string } {
  const first = views[0];
  const margin = parts.margin ?? { left: '16mm', right: '16mm' };
  const context = {
    ...parts,
    kind,
    view: first,
    labels: first?.labels,
    lang: first?.lang,
    langs: views.map((view) => view.lang),
    // Chromium fills these spans in; the words around them are escaped here, so the partial prints this with {{{pageOf}}}.
    pageOf: parts.pageOf
      .split(/(\{page\}|\{pages\})/)
      .map((part) =>
        part === '{page}' ? '<span class="pageNumber"></span>' : part === '{pages}' ? '<span class="totalPages"></span>' : escapeXml(part),
      )
      .join(''),
    style: {
      // Indented like the text; border-box so that a long title is cut with an ellipsis inside the page, not past its edge.
      bar: `font-family: "Source Sans 3", "Noto Sans", "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 7.5pt; color: #5b6775; box-sizing: border-box; width: 100%; padding: 0 ${margin.right} 0 ${margin.left}; display: flex; justify-content: space-between; gap: 8mm;`,
      clip: 'flex: 1 1 0; min-width: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis',
    },
  };
  const run = (part: 'header' | 'footer'): string => {
    const name = templates.pdfChrome.has(`pdf-${part}-${kind}`) ? `pdf-${part}-${kind}` : `pdf-${part}`;
    const template = templates.pdfChrome.get(name);
    if (!template)
      throw new WartaError('templates', `no partial "${name}"; expected partials/${name}.hbs in ${templates.dirs.join(' or ')}`);
    try {
      return template(context).trim();
    } catch (error) {
      throw new WartaError('templates', `partials/${name}.hbs: template error while rendering ${kind}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  };
  return { headerTemplate: run('header'), footerTemplate: run('footer') };
}
