import { resolve } from 'node:path';
import { loadConfig } from '../config/load-config.js';
import type { WartaConfig } from '../config/types.js';
import type { Finding } from '../log/types.js';

/** The arguments that choose a command's settings. */
export interface SettingsArgs {
  config?: string | undefined;
  templates?: string | string[] | undefined;
}

/** The config of a command: warta.config.yaml (or --config) with --templates added after its own folder. */
export function loadSettings(args: SettingsArgs, cwd: string): { config: WartaConfig; findings: Finding[] } {
  const { config, findings } = loadConfig(cwd, args.config);
  // `--templates a --templates b` arrives as a list although the option is declared as one string.
  const extra = [args.templates ?? []].flat().map((dir) => resolve(cwd, dir));
  return { config: { ...config, templates: [...config.templates, ...extra] }, findings };
}
