import { loadLocales } from '../locale/load-locales.js';
import type { IncidentLog } from '../log/types.js';
import { buildView } from '../model/build-view.js';
import { loadTemplates } from '../render/load-templates.js';
import { renderPage } from '../render/render-page.js';

/** Options of {@link renderDocument}. */
export interface RenderDocumentOptions {
  /** Languages in the document: one for a report, several for a notice; default the log's primary language. */
  langs?: readonly string[];
  /** Your templates folders, overriding the built-in templates by name. */
  templateDirs?: readonly string[];
  /** "Now" for overdue actions of a log without `updated`. */
  now?: number;
  /** Logo as a `data:` URL. */
  logo?: string;
}

/**
 * Renders one document (`report`, `notice`, `lessons` or a kind your templates add) of a log
 * (from {@link loadLog}) to a self-contained HTML page. Throws on a template error.
 */
export function renderDocument(log: IncidentLog, kind: string, options: RenderDocumentOptions = {}): string {
  const templates = loadTemplates(options.templateDirs);
  const locales = loadLocales(templates.dirs);
  const langs = options.langs && options.langs.length > 0 ? options.langs : [log.languages[0] as string];
  const unknown = langs.find((lang) => !locales.has(lang));
  if (unknown) throw new Error(`no locale for "${unknown}"; expected one of ${[...locales.keys()].join(', ')}`);
  const views = langs.map((lang) => buildView(log, kind, lang, { locales, now: options.now, logo: options.logo }));
  return renderPage(templates, kind, views);
}
