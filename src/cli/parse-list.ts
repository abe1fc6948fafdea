import { didYouMean } from '../did-you-mean.js';
import { WartaError } from '../errors.js';

/** Splits `--format html,pdf --format pdf` style values into one checked list without duplicates. */
export function parseList<T extends string>(value: unknown, allowed: readonly T[], flag: string): T[] {
  const items = (Array.isArray(value) ? value : [value])
    .flatMap((v) => String(v ?? '').split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  for (const item of items) {
    if (!allowed.includes(item as T)) {
      const near = didYouMean(item, allowed);
      const hint = near ? ` (did you mean "${near}"?)` : '';
      throw new WartaError('usage', `--${flag}: "${item}" is not known${hint}; expected one or more of ${allowed.join(', ')}`);
    }
  }
  return [...new Set(items)] as T[];
}
