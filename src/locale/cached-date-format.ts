const formats = new Map<string, Intl.DateTimeFormat>();

/** An Intl.DateTimeFormat made once per locale and options: creating one costs far more than using it, and a batch formats thousands of times. */
export function cachedDateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    formats.set(key, found);
  }
  return found;
}
