/** One language's words: labels for the documents and the headings that name known sections. */
export interface Locale {
  /** Language code, the file name without `.yaml`, e.g. `id`. */
  code: string;
  /** The language's own name, e.g. `Bahasa Indonesia`. */
  name: string;
  /** Locale passed to Intl for dates, numbers and lists, e.g. `id-ID`. */
  intl: string;
  /** Known section key -> headings that name it in this language. */
  sections: Record<string, string[]>;
  /** Label key -> text. */
  labels: Record<string, string>;
  /** Timezone -> abbreviation used in this language (e.g. Asia/Jakarta -> WIB). */
  timezones: Record<string, string>;
  /** The file the locale came from (for messages). */
  file: string;
}

/** Every locale available to a run, by code. */
export type Locales = Map<string, Locale>;

/** The section keys of format v1.1, in the order the lessons-learned document uses. */
export const knownSectionKeys = [
  'summary',
  'impact',
  'timeline',
  'detection',
  'resolution',
  'trigger',
  'root-cause',
  'decision',
  'went-well',
  'went-wrong',
  'lucky',
  'lessons',
  'next-steps',
  'announcement',
  'actions',
] as const;
