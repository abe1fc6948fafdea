import { loadLocales } from '../locale/load-locales.js';
import type { Locales } from '../locale/types.js';
import { readLog } from '../log/read-log.js';
import type { LoadResult, LogDefaults } from '../log/types.js';
import { builtinTemplatesDir } from '../package-info.js';

/** Options of {@link loadLog}; all optional. */
export interface LoadLogApiOptions {
  /** The log's text, when it is already in memory (the file is then not read). */
  text?: string;
  /** Your templates folders: their locales add languages and section headings. */
  templateDirs?: readonly string[];
  /** Locales already loaded (faster for many logs). */
  locales?: Locales;
  /** Values for keys the log leaves out. */
  defaults?: LogDefaults;
}

/**
 * Reads and checks one incident log. Never throws for a bad log: `findings` says what is wrong
 * (file, line, column, severity, rule, message) and `log` is set when it can be rendered.
 */
export function loadLog(file: string, options: LoadLogApiOptions = {}): LoadResult {
  const locales = options.locales ?? loadLocales([builtinTemplatesDir, ...(options.templateDirs ?? [])]);
  return readLog(file, { locales, text: options.text, defaults: options.defaults });
}
