/** Control characters, lone surrogates, line separators and bidi overrides: a log could forge or hide output lines with them. */
const unsafe = /[\p{Cc}\p{Cs}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;
const unsafeButTab = /(?!\t)[\p{Cc}\p{Cs}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/** Text safe to print on one terminal line: every such character shown as `\uXXXX` (tabs kept when asked). */
export function printable(text: string, options: { keepTabs?: boolean } = {}): string {
  return text.replace(options.keepTabs ? unsafeButTab : unsafe, (c) => `\\u${(c.codePointAt(0) as number).toString(16).padStart(4, '0')}`);
}
