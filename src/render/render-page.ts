import { WartaError } from '../errors.js';
import type { DocumentView } from '../model/build-view.js';
import { embeddedFonts } from '../html/embedded-fonts.js';
import type { TemplateSet } from './load-templates.js';

/** Where the fonts go in a rendered page; the first one is always in the page's own <style>. */
const fontsMarker = '/*warta:fonts*/';

/**
 * Renders one document to a self-contained HTML page. `views` holds one view per language:
 * the report and lessons learned use the first; the notice shows them all, primary first.
 * A template that fails (a missing partial, say) throws a WartaError naming the template file.
 */
export function renderPage(templates: TemplateSet, kind: string, views: readonly DocumentView[]): string {
  const template = templates.documents.get(kind);
  if (!template)
    throw new WartaError('templates', `no template for document "${kind}"; expected ${kind}.hbs in ${templates.dirs.join(' or ')}`);
  const first = views[0];
  if (!first) throw new Error('renderDocument needs at least one view');
  try {
    // The fonts go in last: only the subsets the document's own text needs.
    const html = template({ ...first, versions: views, multilingual: views.length > 1, css: `${fontsMarker}\n${templates.css}` });
    // Looked for right after <style> first, so a title that quotes the marker cannot take the fonts.
    const styled = html.indexOf(`<style>${fontsMarker}`);
    const at = styled === -1 ? html.indexOf(fontsMarker) : styled + '<style>'.length;
    return at === -1 ? html : `${html.slice(0, at)}${embeddedFonts(html)}${html.slice(at + fontsMarker.length)}`;
  } catch (error) {
    const message = (error as Error).message;
    const partial = /partial (\S+) could not be found/.exec(message)?.[1];
    const where = templates.sources.get(kind) ?? `${kind}.hbs`;
    const hint = partial ? ` (expected partials/${partial}.hbs in ${templates.dirs.join(' or ')})` : '';
    throw new WartaError('templates', `${where}: template error while rendering ${kind}: ${message}${hint}`, { cause: error });
  }
}
