/**
 * A character a spreadsheet may take as a separator: `,`, and `;` in the many regional settings
 * (Indonesian among them) whose list separator it is, tab, and line breaks.
 */
const separators = /[,;\t\r\n]/;

/** A character that makes a spreadsheet read what follows as a formula (OWASP's list). */
const formulaStart = '[=+\\-@\\t\\r]';
/** At the cell's start; a separate pattern, since an empty match there would skip a separator at 0. */
const atStart = new RegExp(`^(?=${formulaStart})`);
/** Right after a separator: each match takes the separator, so every position is tried once. */
const afterSeparator = new RegExp(`([,;\\t\\r\\n])(?=${formulaStart})`, 'g');

/**
 * One CSV field, RFC 4180: quoted when it holds a comma, semicolon, tab, quote, line break or outer
 * space, quotes doubled. Every place a formula could start, in a spreadsheet that splits the cell on
 * any of those separators or ignores the quotes, gets a `'` so opening the file never runs log text:
 * `high;=cmd|' /C calc'!A0` is written `"high;'=cmd|' /C calc'!A0"`.
 */
export function csvCell(value: string | number | boolean | undefined | null): string {
  const text = (value === undefined || value === null ? '' : String(value)).replace(atStart, "'").replace(afterSeparator, "$1'");
  return separators.test(text) || text.includes('"') || /^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
