/**
 * One CSV field, RFC 4180: quoted when it holds a comma, quote, line break or outer space, quotes
 * doubled. A value a spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`, tab or
 * carriage return, OWASP's list) gets a leading `'`, so opening the file never runs log text.
 */
export function csvCell(value: string | number | boolean | undefined | null): string {
  let text = value === undefined || value === null ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
