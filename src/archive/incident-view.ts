import { relative, sep } from 'node:path';
import type { Locales } from '../locale/types.js';
import { formatTime } from '../model/format-time.js';
import type { ArchiveAction } from './archive-actions.js';
import type { ArchiveEntry } from './archive-entries.js';
import type { ArchiveText } from './archive-text.js';
import { documentLinks } from './document-links.js';
import { pickText } from './pick-text.js';
import { statusTone } from '../model/status-tone.js';

/**
 * The view of `output/<id>/index.html`: the log's key facts and summary in the archive's language,
 * its titles in the other languages, every rendered document by kind and language, its open
 * actions and its lessons.
 */
export function buildIncidentView(
  entry: ArchiveEntry,
  actions: readonly ArchiveAction[],
  text: ArchiveText,
  locales: Locales,
  sourceRoot: string,
) {
  const log = entry.log;
  const view = entry.view;
  const docs = documentLinks(entry, text, locales, '');
  // A one-language log's all-language notice is its only notice: its e-mail joins that language's cell instead of a row of its own.
  let allLanguages = docs.allLanguages;
  const onlyNotice = log.languages.length === 1 ? docs.kinds.find((k) => k.kind === 'notice')?.versions[0] : undefined;
  if (onlyNotice) {
    onlyNotice.links.push(...allLanguages.filter((l) => l.format === 'eml'));
    allLanguages = [];
  }
  const docLangs = [...new Set(docs.kinds.flatMap((k) => k.versions.map((v) => v.lang)))];
  const otherTitles = log.languages
    .filter((l) => l !== entry.title.lang)
    .map((l) => pickText(log.title, l, entry.primary))
    .filter((t): t is NonNullable<typeof t> => t !== undefined && t.lang !== entry.title.lang && t.text !== entry.title.text);
  const rel = relative(sourceRoot, log.file);
  const facts = [
    ...(entry.date ? [{ label: text.t('incident.date'), value: formatTime(entry.date, text.locale, log.timezone, 'day') }] : []),
    ...view.facts,
  ];
  const section = (key: string) => {
    const s = view.sections[key];
    return s ? { heading: s.heading, html: s.html, lang: s.lang } : undefined;
  };
  return {
    page: 'incident',
    root: '../',
    pageTitle: `${entry.title.text} · ${text.t('archive.title')}`,
    id: log.id,
    logOrganization: pickText(log.organizationName, text.lang, entry.primary)?.text ?? log.organization,
    title: entry.title,
    otherTitles,
    typeLabel: text.t(`type.${log.type}`),
    statusLabel: text.t(`status.${log.status}`),
    statusTone: statusTone(log.status),
    severity: log.severity ? { code: log.severity, label: text.t(`severity.${log.severity}`) } : undefined,
    dateIso: entry.date?.iso,
    dateText: entry.date ? formatTime(entry.date, text.locale, log.timezone, 'day') : undefined,
    facts,
    summary: view.summaryHtml ? { html: view.summaryHtml, lang: view.sections.summary?.lang ?? entry.primary } : undefined,
    systems: view.systems.filter((s) => s.name !== ''),
    tags: log.tags,
    docs: {
      any: docs.any,
      langs: docLangs.map((l) => ({ lang: l, name: locales.get(l)?.name ?? l })),
      kinds: docs.kinds.map((k) => ({
        label: k.label,
        cells: docLangs.map((l) => k.versions.find((v) => v.lang === l)?.links ?? []),
      })),
      allLanguages,
      columns: docLangs.length + 1,
    },
    actions: actions
      .filter((a) => a.open)
      .map((a) => ({
        titleHtml: a.titleHtml,
        inProgress: a.status === 'in-progress',
        statusLabel: a.statusLabel,
        lang: a.title.lang,
        owner: a.owner,
        dueText: a.dueText,
        dueIso: a.due?.iso,
        overdue: a.overdue,
        priorityLabel: a.priorityLabel,
      })),
    lessonSections: ['root-cause', 'went-wrong', 'lessons'].map(section).filter((s) => s !== undefined),
    source: rel.startsWith('..') ? undefined : rel.split(sep).join('/'),
  };
}
