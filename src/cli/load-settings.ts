import { resolve } from 'node:path';
import { loadConfig } from '../config/load-config.js';
import type { WartaConfig } from '../config/types.js';
import type { Finding } from '../log/types.js';

/** The config of a command: warta.config.yaml (or --config) with --templates added after its own folder. */
export function loadSettings(args: Record<string, unknown>, cwd: string): { config: WartaConfig; findings: Finding[] } {
  const { config, findings } = loadConfig(cwd, typeof args.config === 'string' ? args.config : undefined);
  const extra = (Array.isArray(args.templates) ? args.templates : args.templates === undefined ? [] : [args.templates]).map((dir) =>
    resolve(cwd, String(dir)),
  );
  return { config: { ...config, templates: [...config.templates, ...extra] }, findings };
}
