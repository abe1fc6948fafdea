import { configCss } from '../config/config-css.js';
import { WartaError } from '../errors.js';
import { loadLocales } from '../locale/load-locales.js';
import type { IncidentLog } from '../log/types.js';
import { buildView } from '../model/build-view.js';
import { loadTemplates } from '../render/load-templates.js';
import { renderPage } from '../render/render-page.js';
import { apiConfig, type SettingsOptions } from './api-config.js';
import { throwOnConfigErrors } from './config-errors.js';

/** Options of {@link renderDocument}. */
export interface RenderDocumentOptions extends SettingsOptions {
  /** Languages in the document: one for a report, several for a notice; default the log's primary language. */
  langs?: readonly string[];
  /** "Now" for overdue actions of a log without `updated`. */
  now?: number;
  /** Logo as a `data:` URL; default the config's `logo`. */
  logo?: string;
}

/**
 * Renders one document (`report`, `notice`, `lessons` or a kind your templates add) of a log
 * (from {@link loadLog}) to a self-contained HTML page, with the config's templates, colours, paper
 * and logo as the CLI uses them. Throws a `WartaError` on a config or template error, or a language
 * with no locale.
 */
export function renderDocument(log: IncidentLog, kind: string, options: RenderDocumentOptions = {}): string {
  const { config, findings } = apiConfig(options);
  throwOnConfigErrors(findings);
  const loaded = loadTemplates(config.templates);
  const templates = { ...loaded, css: `${loaded.css}\n${configCss(config)}` };
  const locales = loadLocales(templates.dirs);
  const langs = options.langs && options.langs.length > 0 ? options.langs : [log.languages[0] as string];
  const unknown = langs.find((lang) => !locales.has(lang));
  if (unknown) throw new WartaError('usage', `no locale for "${unknown}"; expected one of ${[...locales.keys()].join(', ')}`);
  const logo = options.logo ?? config.logo;
  const views = langs.map((lang) => buildView(log, kind, lang, { locales, now: options.now, logo }));
  return renderPage(templates, kind, views);
}
