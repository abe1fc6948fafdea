import { slugify } from '../log/normalize-log.js';
import { formatTime } from '../model/format-time.js';
import type { ArchiveEntry } from './archive-entries.js';
import type { ArchiveText } from './archive-text.js';

/** The sections the lessons page gathers, in reading order: why it happened, what hurt, what we learned. */
const lessonKeys = ['root-cause', 'went-wrong', 'lessons'] as const;

interface LessonItem {
  id: string;
  href: string;
  title: string;
  titleLang: string;
  dateIso?: string;
  dateText?: string;
  sections: { heading: string; html: string; lang: string }[];
}

interface LessonGroup {
  anchor: string;
  name: string;
  countText: string;
  count: number;
  /** Shown open: in more than one log (a cause that comes back) but few enough to read side by side. */
  open: boolean;
  items: LessonItem[];
  /** The first few titles, shown while the group is closed, and how many more there are. */
  preview: { title: string; titleLang: string }[];
  more?: string;
}

/** Groups with more logs than this start closed, so one common tag cannot bury the page. */
const openLimit = 5;
const previewSize = 4;

/**
 * The view of `output/lessons.html`: every log that has contributing factors, what went wrong or
 * lessons, grouped by tag and by system (most logs first), and the tags and systems that recur in
 * more than one of them. Each log's sections are rendered once and shared by its groups.
 */
export function buildLessonsView(entries: readonly ArchiveEntry[], text: ArchiveText) {
  const items = new Map<ArchiveEntry, LessonItem>();
  for (const entry of entries) {
    const sections = lessonKeys.flatMap((key) => {
      const s = entry.view.sections[key];
      return s ? [{ heading: s.heading, html: s.html, lang: s.lang }] : [];
    });
    if (sections.length === 0) continue;
    items.set(entry, {
      id: entry.log.id,
      href: `${entry.log.id}/index.html`,
      title: entry.title.text,
      titleLang: entry.title.lang,
      dateIso: entry.date?.iso,
      dateText: entry.date ? formatTime(entry.date, text.locale, entry.log.timezone, 'day') : undefined,
      sections,
    });
  }
  const preview = (list: LessonItem[]) => ({
    preview: list.slice(0, previewSize).map((i) => ({ title: i.title, titleLang: i.titleLang })),
    more: list.length > previewSize ? text.plural('lessons.more', list.length - previewSize) : undefined,
  });
  const group = (prefix: string, keyed: Map<string, { name: string; items: LessonItem[] }>): LessonGroup[] =>
    [...keyed.values()]
      .sort((a, b) => b.items.length - a.items.length || a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }))
      .map((g, i) => ({
        anchor: `${prefix}-${i + 1}-${slugify(g.name)}`,
        name: g.name,
        count: g.items.length,
        countText: text.plural('lessons.count', g.items.length),
        open: g.items.length > 1 && g.items.length <= openLimit,
        items: g.items,
        ...preview(g.items),
      }));

  const tags = new Map<string, { name: string; items: LessonItem[] }>();
  const untagged: LessonItem[] = [];
  const systems = new Map<string, { name: string; items: LessonItem[] }>();
  for (const [entry, item] of items) {
    for (const tag of new Set(entry.log.tags)) {
      const found = tags.get(tag) ?? { name: tag, items: [] };
      found.items.push(item);
      tags.set(tag, found);
    }
    if (entry.log.tags.length === 0) untagged.push(item);
    for (const system of new Map(entry.systems.map((s) => [s.key, s])).values()) {
      const found = systems.get(system.key) ?? { name: system.name, items: [] };
      found.items.push(item);
      systems.set(system.key, found);
    }
  }
  const byTag = group('tag', tags);
  if (untagged.length > 0)
    byTag.push({
      anchor: 'tag-none',
      name: text.t('lessons.noTag'),
      count: untagged.length,
      countText: text.plural('lessons.count', untagged.length),
      open: false,
      items: untagged,
      ...preview(untagged),
    });
  const bySystem = group('system', systems);
  const recurring = [...byTag.filter((g) => g.anchor !== 'tag-none'), ...bySystem]
    .filter((g) => g.count > 1)
    .map((g) => ({ anchor: g.anchor, name: g.name, count: g.count, kind: g.anchor.startsWith('tag') ? 'tag' : 'system' }));
  return {
    page: 'lessons',
    root: '',
    pageTitle: `${text.t('lessons.title')} · ${text.t('archive.title')}`,
    any: items.size > 0,
    count: text.plural('lessons.count', items.size),
    recurring,
    byTag,
    bySystem,
  };
}
