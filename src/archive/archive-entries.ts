import type { IncidentLog, LogTime } from '../log/types.js';
import type { DocumentView } from '../model/build-view.js';
import type { ViewStore } from '../model/create-view-store.js';
import { markdownToText } from '../html/markdown.js';
import { archiveDate } from './archive-date.js';
import { findDocuments, type LogDocuments } from './find-documents.js';
import { normalizeSearch } from './normalize-search.js';
import { pickText, type PickedText } from './pick-text.js';
import { dayOf } from '../model/format-time.js';

/** One log as every archive page sees it: the log, what was rendered of it, and its words in the archive's language. */
export interface ArchiveEntry {
  log: IncidentLog;
  primary: string;
  /** See {@link archiveDate}. */
  date?: LogTime;
  /** `YYYY` and `YYYY-MM` of `date` in the log's timezone; '' when the log has no date. */
  year: string;
  month: string;
  documents: LogDocuments;
  /** The title in the archive's language, else the log's primary one. */
  title: PickedText;
  /** Affected systems: `key` groups spellings that differ only in case or accents, `name` is shown. */
  systems: { key: string; name: string }[];
  /** The lessons-learned view of the log in the archive's language: facts, summary and sections, already worded. */
  view: DocumentView;
  /** Titles, summaries and lessons in every language, with the id, tags and systems, folded for search. */
  search: string;
}

/** What {@link buildArchiveEntries} needs besides the logs. */
export interface ArchiveEntryOptions {
  /** Where the lessons views come from (shared with the documents in a render run). */
  views: ViewStore;
  /** The language of the archive pages. */
  lang: string;
  outDir: string;
  formats: readonly string[];
  docs: readonly string[];
}

/** The text of the search-relevant sections: summary and the lessons trio. */
const searchedSections = ['summary', 'root-cause', 'went-wrong', 'lessons'];

/**
 * Prepares every log for the archive, newest first (logs without a date last, then by id): the
 * date it is filed under, the documents that exist on disk, its view in the archive's language and
 * the folded text the index searches.
 */
export function buildArchiveEntries(
  logs: readonly IncidentLog[],
  options: ArchiveEntryOptions,
  /** Told about a log whose entry could not be made (it is left out); without it, the error is thrown. */
  onFailed?: (log: IncidentLog, error: unknown) => void,
): ArchiveEntry[] {
  const entries = logs.flatMap((log): ArchiveEntry[] => {
    if (!onFailed) return [buildArchiveEntry(log, options)];
    try {
      return [buildArchiveEntry(log, options)];
    } catch (error) {
      onFailed(log, error);
      return [];
    }
  });
  return entries.sort((a, b) => (b.date?.epoch ?? -Infinity) - (a.date?.epoch ?? -Infinity) || a.log.id.localeCompare(b.log.id));
}

/** One log's entry in the archive. */
function buildArchiveEntry(log: IncidentLog, options: ArchiveEntryOptions): ArchiveEntry {
  const primary = log.languages[0] ?? 'en';
  const date = archiveDate(log);
  const day = date ? dayOf(date, log.timezone) : '';
  const words: string[] = [log.id, ...log.tags];
  for (const text of Object.values(log.title)) words.push(text);
  for (const text of Object.values(log.impact?.summary ?? {})) words.push(text);
  for (const key of searchedSections) {
    for (const section of Object.values(log.sections[key]?.text ?? {})) words.push(markdownToText(section.markdown));
  }
  const systems = log.systems.flatMap((system) => {
    for (const name of Object.values(system.name)) words.push(name);
    const name = pickText(system.name, options.lang, primary)?.text.trim();
    return name ? [{ key: normalizeSearch(name), name }] : [];
  });
  return {
    log,
    primary,
    date,
    year: day.slice(0, 4),
    month: day.slice(0, 7),
    documents: findDocuments(log, options.outDir, options.formats, options.docs),
    title: pickText(log.title, options.lang, primary) ?? { text: log.id, lang: primary },
    systems,
    view: options.views.get(log, 'lessons', options.lang),
    search: normalizeSearch(words.join(' ')),
  };
}
