import { resolve } from 'node:path';
import { loadLocales } from '../locale/load-locales.js';
import type { Locales } from '../locale/types.js';
import { readLog } from '../log/read-log.js';
import type { LoadResult, LogDefaults } from '../log/types.js';
import { builtinTemplatesDir } from '../package-info.js';
import { apiConfig, type SettingsOptions } from './api-config.js';

/** Options of {@link loadLog}; all optional. */
export interface LoadLogApiOptions extends SettingsOptions {
  /** The log's text, when it is already in memory (the file is then not read). */
  text?: string;
  /** Locales already loaded (faster for many logs); default those of the built-in and config's templates. */
  locales?: Locales;
  /** Values for keys the log leaves out; default the config's `languages`, `timezone` and `organization`. */
  defaults?: LogDefaults;
}

/**
 * Reads and checks one incident log with the settings the CLI would use (the nearest
 * `warta.config.yaml` unless `config` says otherwise). Never throws for a bad log or config:
 * `findings` says what is wrong (file, line, column, severity, rule, message), the config's first,
 * and `log` is set when it can be rendered.
 */
export function loadLog(file: string, options: LoadLogApiOptions = {}): LoadResult {
  const { config, findings: configFindings, cwd } = apiConfig(options);
  const locales = options.locales ?? loadLocales([builtinTemplatesDir, ...config.templates]);
  const defaults = options.defaults ?? {
    languages: config.languages,
    timezone: config.timezone,
    organization: config.organization,
  };
  const result = readLog(resolve(cwd, file), { locales, text: options.text, defaults });
  return configFindings.length === 0 ? result : { ...result, findings: [...configFindings, ...result.findings] };
}
