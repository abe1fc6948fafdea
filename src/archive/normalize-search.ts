/**
 * Text folded for searching: lowercase, accents removed (so "resume" finds "résumé"), white space
 * collapsed. The archive's script folds the reader's query the same way, so both sides compare alike.
 */
export function normalizeSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
