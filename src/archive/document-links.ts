import type { Locales } from '../locale/types.js';
import type { ArchiveEntry } from './archive-entries.js';
import type { ArchiveText } from './archive-text.js';

/** A link to one rendered file. */
export interface DocLink {
  href: string;
  format: string;
  /** The format's name (HTML, PDF, Text, E-mail). */
  label: string;
  /** What a screen reader announces: document, language and format. */
  aria: string;
}

/** One document kind of a log, with its files per language. */
export interface DocKindLinks {
  kind: string;
  label: string;
  versions: { lang: string; code: string; langName: string; links: DocLink[] }[];
}

/** Every rendered file of a log as links, by kind and language, plus the all-language notice. */
export interface EntryDocLinks {
  kinds: DocKindLinks[];
  /** The notice with every language in one file (HTML, PDF, text, e-mail that exist). */
  allLanguages: DocLink[];
  /** True when at least one file exists. */
  any: boolean;
}

/**
 * Links to the documents of a log that exist on disk, worded in the archive's language; `prefix`
 * is how the page reaches the log's folder (`<id>/` from the archive root, '' from the log's own page).
 */
export function documentLinks(entry: ArchiveEntry, text: ArchiveText, locales: Locales, prefix: string): EntryDocLinks {
  const link = (file: string, format: string, what: string): DocLink => {
    const label = text.t(`format.${format}`);
    return { href: `${prefix}${file}`, format, label, aria: `${what} · ${label}` };
  };
  const kinds = entry.documents.kinds.map((group) => {
    const kindLabel = text.t(`doc.${group.kind}`);
    return {
      kind: group.kind,
      label: kindLabel,
      versions: group.versions.map((v) => {
        const langName = locales.get(v.lang)?.name ?? v.lang;
        const what = `${kindLabel} · ${langName}`;
        const links: DocLink[] = [];
        if (v.html) links.push(link(v.html, 'html', what));
        if (v.pdf) links.push(link(v.pdf, 'pdf', what));
        if (v.txt) links.push(link(v.txt, 'txt', what));
        return { lang: v.lang, code: v.lang.toUpperCase(), langName, links };
      }),
    };
  });
  const notice = entry.documents.notice;
  const what = `${text.t('doc.notice')} · ${text.t('docs.allLanguages')}`;
  const allLanguages = (['html', 'pdf', 'txt', 'eml'] as const).flatMap((format) => {
    const file = notice[format];
    return file ? [link(file, format, what)] : [];
  });
  return { kinds, allLanguages, any: entry.documents.files.length > 0 };
}
