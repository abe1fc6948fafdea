import type { DocumentView } from '../model/build-view.js';
import type { TemplateSet } from './load-templates.js';

/**
 * Renders one document to a self-contained HTML page. `views` holds one view per language:
 * the report and lessons learned use the first; the notice shows them all, primary first.
 */
export function renderDocument(templates: TemplateSet, kind: string, views: readonly DocumentView[]): string {
  const template = templates.documents.get(kind);
  if (!template) throw new Error(`no template for document "${kind}"; expected ${kind}.hbs in ${templates.dirs.join(' or ')}`);
  const first = views[0];
  if (!first) throw new Error('renderDocument needs at least one view');
  return template({ ...first, versions: views, multilingual: views.length > 1, css: templates.css });
}
