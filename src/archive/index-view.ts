import type { Locales } from '../locale/types.js';
import { changeStatuses, incidentStatuses, logTypes, severities } from '../log/front-matter-schema.js';
import { formatTime } from '../model/format-time.js';
import type { ArchiveChart } from './charts/archive-charts.js';
import type { ArchiveEntry } from './archive-entries.js';
import type { ArchiveText } from './archive-text.js';
import { documentLinks } from './document-links.js';
import { jsonForScript } from './json-for-script.js';
import { pickText } from './pick-text.js';
import { statusTone } from '../model/status-tone.js';
import { isClosed } from '../model/is-overdue.js';

interface FilterOption {
  value: string;
  label: string;
  count: number;
}

/** Options of a filter in the given order (or by label), each value once with how many logs have it. */
function options(values: readonly (readonly { value: string; label: string }[])[], order?: readonly string[]): FilterOption[] {
  const found = new Map<string, FilterOption>();
  for (const list of values) {
    for (const { value, label } of new Map(list.map((v) => [v.value, v])).values()) {
      const option = found.get(value) ?? { value, label, count: 0 };
      option.count++;
      found.set(value, option);
    }
  }
  const all = [...found.values()];
  return order
    ? all.sort((a, b) => order.indexOf(a.value) - order.indexOf(b.value))
    : all.sort((a, b) => a.label.localeCompare(b.label, undefined, { sensitivity: 'base' }));
}

/**
 * The view of `output/index.html`: one row per log (newest first) with everything the list shows,
 * the filter options, the title languages for the switch, and the compact data the filter script
 * reads (folded search text and filter values, in row order, JSON-escaped for a script element).
 */
export function buildIndexView(entries: readonly ArchiveEntry[], text: ArchiveText, locales: Locales, charts: readonly ArchiveChart[]) {
  // The title switch offers every language some log is written in, the page's own first.
  const langCount = new Map<string, number>();
  for (const e of entries) for (const l of e.log.languages) if (locales.has(l)) langCount.set(l, (langCount.get(l) ?? 0) + 1);
  const titleLangs = [...langCount.keys()].sort((a, b) =>
    a === text.lang ? -1 : b === text.lang ? 1 : (langCount.get(b) ?? 0) - (langCount.get(a) ?? 0) || a.localeCompare(b),
  );
  const defaultTitleLang = titleLangs.includes(text.lang) ? text.lang : titleLangs[0];

  const rows = entries.map((entry) => {
    const log = entry.log;
    const variants = titleLangs.map((tl) => ({ tl, ...(pickText(log.title, tl, entry.primary) ?? { text: log.id, lang: entry.primary }) }));
    const distinct = new Set(variants.map((v) => v.text)).size > 1;
    const docs = documentLinks(entry, text, locales, `${log.id}/`);
    const openActions = log.actions.filter((a) => !isClosed(a)).length;
    return {
      id: log.id,
      href: `${log.id}/index.html`,
      dateIso: entry.date?.iso,
      dateText: entry.date ? formatTime(entry.date, text.locale, log.timezone, 'day') : undefined,
      titles: distinct ? variants : [{ text: entry.title.text, lang: entry.title.lang }],
      type: log.type,
      typeLabel: text.t(`type.${log.type}`),
      statusLabel: text.t(`status.${log.status}`),
      statusTone: statusTone(log.status),
      severity: log.severity ? { code: log.severity, label: text.t(`severity.${log.severity}`) } : undefined,
      systems: [...new Set(entry.systems.map((s) => s.name))],
      tags: log.tags,
      openActions: openActions > 0 ? text.plural('row.openActions', openActions) : undefined,
      kinds: docs.kinds.map((k) => ({
        ...k,
        versions: k.versions.map((v) => ({ ...v, links: v.links.filter((l) => l.format !== 'txt') })).filter((v) => v.links.length > 0),
      })),
      allLanguages: log.languages.length > 1 ? docs.allLanguages.filter((l) => l.format === 'html' || l.format === 'pdf') : [],
    };
  });

  const filters = [
    {
      name: 'type',
      label: text.t('filter.type'),
      options: options(
        entries.map((e) => [{ value: e.log.type, label: text.t(`type.${e.log.type}`) }]),
        logTypes,
      ),
    },
    {
      name: 'status',
      label: text.t('filter.status'),
      options: options(
        entries.map((e) => [{ value: e.log.status, label: text.t(`status.${e.log.status}`) }]),
        [...incidentStatuses, ...changeStatuses],
      ),
    },
    {
      name: 'severity',
      label: text.t('filter.severity'),
      options: options(
        entries.map((e) => (e.log.severity ? [{ value: e.log.severity, label: text.t(`severity.${e.log.severity}`) }] : [])),
        severities,
      ),
    },
    {
      name: 'year',
      label: text.t('filter.year'),
      options: options(entries.map((e) => (e.year ? [{ value: e.year, label: e.year }] : []))).reverse(),
    },
    {
      name: 'system',
      label: text.t('filter.system'),
      options: options(entries.map((e) => e.systems.map((s) => ({ value: s.key, label: s.name })))),
    },
    {
      name: 'tag',
      label: text.t('filter.tag'),
      options: options(entries.map((e) => e.log.tags.map((t) => ({ value: t, label: t })))),
    },
  ].filter((f) => f.options.length > 0);

  const totalForms = Object.fromEntries(
    Object.entries(text.labels)
      .filter(([key]) => key.startsWith('count.total.'))
      .map(([key, value]) => [key.slice('count.total.'.length), value]),
  );
  const data = {
    intl: text.locale.intl,
    text: { total: totalForms, shown: text.t('count.shown') },
    rows: entries.map((e) => ({
      type: e.log.type,
      status: e.log.status,
      severity: e.log.severity ?? '',
      year: e.year,
      system: [...new Set(e.systems.map((s) => s.key))],
      tag: e.log.tags,
      q: e.search,
    })),
  };
  // Hides the title variants of the languages not chosen; the script only flips the attribute on <html>.
  const titleCss = titleLangs.map((l) => `html[data-tl="${l}"] .tl[data-tl]:not([data-tl="${l}"]){display:none}`).join('\n');

  return {
    page: 'index',
    root: '',
    pageTitle: text.t('archive.title'),
    defaultTitleLang: titleLangs.length > 1 ? defaultTitleLang : undefined,
    titleLangs:
      titleLangs.length > 1
        ? titleLangs.map((code) => ({ code, name: locales.get(code)?.name ?? code, selected: code === defaultTitleLang }))
        : [],
    titleCss,
    charts,
    filters,
    rows,
    countText: text.plural('count.total', entries.length),
    dataJson: jsonForScript(data),
  };
}
