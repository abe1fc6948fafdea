const formats = new Map<string, Intl.ListFormat>();

/** `A, B and C` in the words of a locale: one Intl.ListFormat per locale, made once (creating one costs far more than using it). */
export function cachedListFormat(intl: string): Intl.ListFormat {
  let found = formats.get(intl);
  if (!found) {
    found = new Intl.ListFormat(intl, { type: 'conjunction', style: 'long' });
    formats.set(intl, found);
  }
  return found;
}
