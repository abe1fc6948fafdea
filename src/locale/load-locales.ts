import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Locale, Locales } from './types.js';

/**
 * Reads every `locales/*.yaml` of the given template folders; a later folder overrides an earlier
 * one label by label, so a user's folder can change one word or add a whole language.
 * Throws an Error naming the file when a locale file is not valid YAML or lacks `intl`.
 */
export function loadLocales(templateDirs: readonly string[]): Locales {
  const locales: Locales = new Map();
  for (const dir of templateDirs) {
    const folder = join(dir, 'locales');
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) {
      const match = /^([a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.ya?ml$/.exec(name);
      if (!match) continue;
      const code = match[1] as string;
      const file = join(folder, name);
      let data: Record<string, unknown>;
      try {
        data = (parse(readFileSync(file, 'utf8'), { maxAliasCount: 50 }) ?? {}) as Record<string, unknown>;
      } catch (error) {
        throw new Error(`${file}: not valid YAML: ${(error as Error).message}`, { cause: error });
      }
      const before = locales.get(code);
      const merged: Locale = {
        code,
        file,
        name: String(data.name ?? before?.name ?? code),
        intl: String(data.intl ?? before?.intl ?? code),
        sections: { ...before?.sections, ...(data.sections as Record<string, string[]> | undefined) },
        labels: { ...before?.labels, ...(data.labels as Record<string, string> | undefined) },
        timezones: { ...before?.timezones, ...(data.timezones as Record<string, string> | undefined) },
      };
      locales.set(code, merged);
    }
  }
  return locales;
}
