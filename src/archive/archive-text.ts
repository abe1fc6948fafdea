import { join } from 'node:path';
import { loadLocales } from '../locale/load-locales.js';
import type { Locale, Locales } from '../locale/types.js';
import { builtinTemplatesDir } from '../package-info.js';

/** The words of the archive pages in one language, with the helpers the builder needs to use them. */
export interface ArchiveText {
  /** The language of the archive pages. */
  lang: string;
  /** The locale for dates and numbers (the document locale of that language, or English). */
  locale: Locale;
  /** Every label: the document labels of the language, then the archive's own (`templates/archive/locales`). */
  labels: Record<string, string>;
  /** A label with `{name}` placeholders filled in; the key itself when no locale has it. */
  t: (key: string, vars?: Record<string, string | number>) => string;
  /** The plural form of `key` (`key.one`, `key.other`, … as Intl.PluralRules names them) for `count`, `{count}` filled in. */
  plural: (key: string, count: number, vars?: Record<string, string | number>) => string;
}

/**
 * Loads the archive's words for `lang`: the run's document locales (type, status and section names)
 * overlaid with `archive/locales/*.yaml` of the built-in and extra template folders, English filling
 * whatever a language lacks.
 */
export function loadArchiveText(locales: Locales, lang: string, templateDirs: readonly string[] = []): ArchiveText {
  const own = loadLocales([builtinTemplatesDir, ...templateDirs].map((dir) => join(dir, 'archive')));
  const english = locales.get('en');
  const locale = (locales.get(lang) ?? english ?? [...locales.values()][0]) as Locale;
  const labels: Record<string, string> = {
    ...english?.labels,
    ...own.get('en')?.labels,
    ...locales.get(lang)?.labels,
    ...own.get(lang)?.labels,
  };
  const fill = (text: string, vars: Record<string, string | number> = {}) =>
    text.replace(/\{(\w+)\}/g, (whole, name: string) => (vars[name] === undefined ? whole : String(vars[name])));
  const t = (key: string, vars?: Record<string, string | number>) => fill(labels[key] ?? key, vars);
  const rules = new Intl.PluralRules(locale.intl);
  const plural = (key: string, count: number, vars: Record<string, string | number> = {}) => {
    const form = labels[`${key}.${rules.select(count)}`] ?? labels[`${key}.other`] ?? key;
    return fill(form, { count: new Intl.NumberFormat(locale.intl).format(count), ...vars });
  };
  return { lang: locales.has(lang) ? lang : locale.code, locale, labels, t, plural };
}
