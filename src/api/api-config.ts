import { resolve } from 'node:path';
import { loadConfig } from '../config/load-config.js';
import { defaultConfig, type WartaConfig } from '../config/types.js';
import type { Finding } from '../log/types.js';

/**
 * Where the API's settings come from, as the CLI's do: left out, the nearest `warta.config.yaml`
 * from `cwd` up; a path, that file; `false`, none (built-in defaults); an object, those settings over
 * the defaults.
 */
export type ConfigOption = string | false | Partial<WartaConfig>;

/** The options every API function shares to find its settings. */
export interface SettingsOptions {
  /** `warta.config.yaml` to use: see {@link ConfigOption}. Default: the nearest from `cwd` up, as the CLI does. */
  config?: ConfigOption;
  /** The folder relative paths (logs, config, templates, output) start from; default `process.cwd()`. */
  cwd?: string;
  /** Your templates folders, added after the config's own (later ones win), as `--templates` does. */
  templateDirs?: readonly string[];
}

/** The settings of an API call, and what was wrong with the config file (errors and warnings, as findings). */
export function apiConfig(options: SettingsOptions): { config: WartaConfig; findings: Finding[]; cwd: string } {
  const cwd = resolve(options.cwd ?? process.cwd());
  const extra = (options.templateDirs ?? []).map((dir) => resolve(cwd, dir));
  const option = options.config;
  const { config, findings } =
    option === false
      ? { config: { ...defaultConfig, output: resolve(cwd, 'output') }, findings: [] }
      : typeof option === 'object'
        ? { config: { ...defaultConfig, output: resolve(cwd, 'output'), ...option }, findings: [] }
        : loadConfig(cwd, option);
  return { config: { ...config, templates: [...config.templates, ...extra] }, findings, cwd };
}
