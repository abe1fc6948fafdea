import { CliError } from '../cli/cli-error.js';
import type { DocumentView } from '../model/build-view.js';
import type { TemplateSet } from './load-templates.js';

/**
 * Renders one document to a self-contained HTML page. `views` holds one view per language:
 * the report and lessons learned use the first; the notice shows them all, primary first.
 * A template that fails (a missing partial, say) throws a CliError naming the template file.
 */
export function renderDocument(templates: TemplateSet, kind: string, views: readonly DocumentView[]): string {
  const template = templates.documents.get(kind);
  if (!template)
    throw new CliError('templates', `no template for document "${kind}"; expected ${kind}.hbs in ${templates.dirs.join(' or ')}`);
  const first = views[0];
  if (!first) throw new Error('renderDocument needs at least one view');
  try {
    return template({ ...first, versions: views, multilingual: views.length > 1, css: templates.css });
  } catch (error) {
    const message = (error as Error).message;
    const partial = /partial (\S+) could not be found/.exec(message)?.[1];
    const where = templates.sources.get(kind) ?? `${kind}.hbs`;
    const hint = partial ? ` (expected partials/${partial}.hbs in ${templates.dirs.join(' or ')})` : '';
    throw new CliError('templates', `${where}: template error while rendering ${kind}: ${message}${hint}`, { cause: error });
  }
}
