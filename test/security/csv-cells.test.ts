/**
 * actions.csv is opened in spreadsheets whose list separator may be `,` or `;` (Indonesian and
 * most European regional settings use `;`), and some split on tabs or lines too. A cell is quoted
 * whenever it holds any of those, and no piece of it, however it is split, starts with a character
 * that makes a formula (`=`, `+`, `-`, `@`, tab, CR): `high;=cmd|' /C calc'!A0` must not run.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell } from '../../src/archive/csv-cell.js';

const triggers = /^[=+\-@\t\r]/;

/** The pieces a spreadsheet may make of a cell: split on every separator, quotes ignored (the worst case). */
function pieces(cell: string): string[] {
  const inner = cell.startsWith('"') && cell.endsWith('"') ? cell.slice(1, -1) : cell;
  return inner.split(/[,;\t\r\n]/);
}

describe('csvCell against formula injection', () => {
  it.each([
    ["high;=cmd|' /C calc'!A0", `"high;'=cmd|' /C calc'!A0"`],
    ['a;b', '"a;b"'],
    ['a\tb', '"a\tb"'],
    ['one\r\n=two', `"one\r\n'=two"`],
    ['x,+1', `"x,'+1"`],
    ['x;-1;@SUM(A1)', `"x;'-1;'@SUM(A1)"`],
    ['x\t\t=1', `"x\t'\t'=1"`],
    ['=1;=2', `"'=1;'=2"`],
    ['plain text', 'plain text'],
    ['a - b', 'a - b'],
  ])('%j -> %j', (input, output) => expect(csvCell(input)).toBe(output));

  it('leaves no piece that starts a formula, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ',', ';', '"', ' ', 'a', "'") }), (text) => {
        const cell = csvCell(text);
        for (const piece of pieces(cell)) expect(piece, JSON.stringify(cell)).not.toMatch(triggers);
        // Quoted whenever it holds a separator or quote, so a standard reader sees one cell.
        if (/[,;\t\r\n"]/.test(cell)) expect(cell).toMatch(/^"[^]*"$/);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the text readable: only a quote is added before each formula start', () => {
    expect(csvCell('Patch the mail server; then reboot')).toBe('"Patch the mail server; then reboot"');
  });
});
