import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { WartaError } from '../errors.js';
import type { Locale, Locales } from './types.js';

/** Refuses a locale whose parts are not the maps and lists the code expects, naming the key. */
function checkLocaleShape(data: unknown, file: string): void {
  const fail = (what: string) => {
    throw new WartaError('templates', `${file}: ${what}`);
  };
  if (typeof data !== 'object' || data === null || Array.isArray(data)) fail('expected a map with name, intl, sections, labels');
  const locale = data as Record<string, unknown>;
  for (const key of ['name', 'intl']) if (locale[key] !== undefined && typeof locale[key] !== 'string') fail(`${key}: expected text`);
  for (const key of ['labels', 'timezones', 'sections']) {
    const value = locale[key];
    if (value === undefined) continue;
    if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${key}: expected a map`);
    for (const [name, entry] of Object.entries(value as object)) {
      if (key === 'sections' ? !Array.isArray(entry) || !entry.every((h) => typeof h === 'string') : typeof entry !== 'string') {
        fail(`${key}.${name}: expected ${key === 'sections' ? 'a list of headings, such as [Summary, Overview]' : 'text'}`);
      }
    }
  }
}

/**
 * Reads every `locales/*.yaml` of the given template folders; a later folder overrides an earlier
 * one label by label, so a user's folder can change one word or add a whole language.
 * Throws a WartaError naming the file when a locale file is not valid YAML or not shaped like one.
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
        const message = (error as Error).message.split('\n')[0] ?? String(error);
        throw new WartaError('templates', `${file}: locale is not valid YAML: ${message}`, { cause: error });
      }
      checkLocaleShape(data, file);
      const before = locales.get(code);
      const merged: Locale = {
        code,
        file,
        name: (data.name as string | undefined) ?? before?.name ?? code,
        intl: (data.intl as string | undefined) ?? before?.intl ?? code,
        sections: { ...before?.sections, ...(data.sections as Record<string, string[]> | undefined) },
        labels: { ...before?.labels, ...(data.labels as Record<string, string> | undefined) },
        timezones: { ...before?.timezones, ...(data.timezones as Record<string, string> | undefined) },
      };
      locales.set(code, merged);
    }
  }
  return locales;
}
