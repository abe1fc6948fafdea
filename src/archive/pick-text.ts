import type { Localized } from '../log/types.js';

/** A text and the language it is really in. */
export interface PickedText {
  text: string;
  lang: string;
}

/** The text in `lang`, else in the primary language, else the first one given; undefined when there is none. */
export function pickText(value: Localized | undefined, lang: string, primary: string): PickedText | undefined {
  if (!value) return undefined;
  for (const candidate of [lang, primary, ...Object.keys(value)]) {
    const text = value[candidate];
    if (text !== undefined && text.trim() !== '') return { text, lang: candidate };
  }
  return undefined;
}
