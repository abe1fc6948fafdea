/**
 * Nothing is dropped from a printed page: a 50,000-character word in a paragraph and in a timeline
 * item, a 139-character digest in a timeline row, a long word in a table cell and a 60-column
 * table all wrap onto the page, and the PDF's text holds every character of them. (Before, the
 * print stylesheet let them run off the page: a 50,000-character word printed about 100
 * characters, a 60-column table 19 columns.) Needs Chromium and pdftotext.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderLogs } from '../../src/batch/render-logs.js';
import { findChromium } from '../../src/pdf/find-chromium.js';
import { launchPdfPrinter } from '../../src/pdf/pdf-printer.js';
import { tempDir } from '../helpers.js';

const word = `${'Q'.repeat(50_000)}ENDWORD`;
const digest = `sha256:${'a1b2c3d4e5f6'.repeat(11)}ENDDIGEST`;
const cellWord = `${'K'.repeat(500)}ENDCELL`;
const columns = 60;
const wideTable = [
  `| ${Array.from({ length: columns }, (_, i) => `H${i}`).join(' | ')} |`,
  `|${'---|'.repeat(columns)}`,
  `| ${Array.from({ length: columns }, (_, i) => `V${i}`).join(' | ')} |`,
].join('\n');

const log = `---
id: long-words
title: Long words and wide tables
type: incident
status: resolved
detected: 2024-03-05T09:00Z
timezone: UTC
languages: [en]
---

## Summary

${word}

| Key | Value |
|---|---|
| word | ${cellWord} |

${wideTable}

## Timeline

- 09:00 — ${word}
- 09:30 — Deployed ${digest}
`;

let text: string;

beforeAll(async () => {
  const dir = tempDir('warta-long-words-');
  writeFileSync(join(dir, 'long-words.md'), log);
  const summary = await renderLogs({
    files: [join(dir, 'long-words.md')],
    outDir: join(dir, 'out'),
    formats: ['pdf'],
    docs: ['report'],
    launchPrinter: () => launchPdfPrinter({ executablePath: findChromium(process.env) }),
  });
  expect(summary.failed).toEqual([]);
  // Line and page breaks are where the words were wrapped: the text without them is the input's.
  text = execFileSync('pdftotext', [join(dir, 'out', 'long-words', 'report.en.pdf'), '-'], {
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  }).replace(/[\n\f]/g, '');
}, 120_000);

const count = (haystack: string, needle: string) => haystack.split(needle).length - 1;

describe('long words and wide tables print whole', () => {
  it('the 50,000-character word, in a paragraph and in a timeline item', () => {
    // The running header and footer of each page it spans come between its parts: count its letters.
    expect(count(text, 'Q')).toBe(2 * 50_000);
    expect(count(text, 'ENDWORD')).toBe(2);
  });

  it('the digest in a timeline row and the long word in a table cell', () => {
    expect(text).toContain(digest);
    expect(text).toContain(cellWord);
  });

  it('every column of the 60-column table', () => {
    // Its narrow cells wrap letter by letter, so the text comes out line by line across the
    // columns: count the letters that mark a header cell and a body cell.
    expect(count(text, 'H')).toBeGreaterThanOrEqual(columns);
    expect(count(text, 'V')).toBeGreaterThanOrEqual(columns);
  });
});
