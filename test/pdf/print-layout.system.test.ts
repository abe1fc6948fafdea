/**
 * Print layout measured on the PDFs (pdftotext -bbox): the running header stays inside the page and
 * ends in an ellipsis for a long title; no document of the stress logs ends on a page of fewer than
 * three lines; a notice's contacts block stays on the page of its heading and is pushed to a new
 * page only when it could not fit the last one; bare domains print once; inline code is never split
 * at a hyphen. Needs Chromium and poppler.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderLogs } from '../../src/batch/render-logs.js';
import { findChromium } from '../../src/pdf/find-chromium.js';
import { launchPdfPrinter } from '../../src/pdf/pdf-printer.js';
import { fullNotice, longTitle, stressLogs } from '../html/stress-logs.js';
import { locales, tempDir } from '../helpers.js';

const mm = 72 / 25.4;
/** Page margins warta prints with (pdf-printer.ts): 20 mm top, 18 mm bottom, 16 mm left and right. */
const margin = { top: 20 * mm, bottom: 18 * mm, side: 16 * mm };

interface Word {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

interface Pdf {
  width: number;
  height: number;
  pages: number;
  words: Word[];
}

function readPdf(file: string): Pdf {
  const xml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const pdf: Pdf = { width: 0, height: 0, pages: 0, words: [] };
  const decode = (s: string) =>
    s
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'");
  for (const line of xml.split('\n')) {
    const page = /<page width="([\d.]+)" height="([\d.]+)"/.exec(line);
    if (page) {
      pdf.pages++;
      pdf.width = Number(page[1]);
      pdf.height = Number(page[2]);
      continue;
    }
    const w = /xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</.exec(line);
    if (w) pdf.words.push({ page: pdf.pages, xMin: +w[1]!, yMin: +w[2]!, xMax: +w[3]!, yMax: +w[4]!, text: decode(w[5]!) });
  }
  return pdf;
}

/** Words of the page body, without the running header and footer. */
const body = (pdf: Pdf) => pdf.words.filter((w) => w.yMin > margin.top - 6 && w.yMax < pdf.height - margin.bottom + 6);
/** Text lines of a page's body (words sharing a top, give or take a point). */
function lines(pdf: Pdf, page: number): number {
  const tops = body(pdf)
    .filter((w) => w.page === page)
    .map((w) => Math.round(w.yMin));
  return new Set(tops).size;
}

let dir: string;
const sweep: string[] = [];

beforeAll(async () => {
  dir = tempDir('warta-print-layout-');
  const files: string[] = [];
  for (const [name, text] of Object.entries(stressLogs())) {
    writeFileSync(join(dir, name), text);
    files.push(join(dir, name));
  }
  // Inline code at every place along a line: somewhere it would straddle the line's end.
  const filler = (k: number) => Array.from({ length: k }, (_, i) => ['word', 'text', 'line', 'wrap'][i % 4]).join(' ');
  writeFileSync(
    join(dir, 'inline-code.md'),
    `---\ntitle: Inline code\ntype: incident\nstatus: resolved\ntimezone: UTC\n---\n\n## Summary\n\n${Array.from({ length: 16 }, (_, k) => `${filler(10 + k)} \`C-0000123*.sys\` and \`payment-gateway.timeout-ms\` end.`).join('\n\n')}\n`,
  );
  files.push(join(dir, 'inline-code.md'));
  for (let paragraphs = 11; paragraphs <= 17; paragraphs++) {
    for (let extra = 0; extra <= 3; extra++) {
      const name = `notice-${paragraphs}-${extra}`;
      writeFileSync(join(dir, `${name}.md`), fullNotice(paragraphs, extra));
      sweep.push(name);
    }
  }
  // Each run launches its printer and closes it when done.
  const launch = () => launchPdfPrinter({ executablePath: findChromium(process.env) });
  const outDir = join(dir, 'out');
  const first = await renderLogs({ files, outDir, formats: ['pdf'], docs: ['report', 'notice', 'lessons'], launchPrinter: launch });
  expect(first.failed).toEqual([]);
  const second = await renderLogs({
    files: sweep.map((name) => join(dir, `${name}.md`)),
    outDir,
    formats: ['pdf'],
    docs: ['notice'],
    launchPrinter: launch,
  });
  expect(second.failed).toEqual([]);
}, 300_000);

const out = (...parts: string[]) => join(dir, 'out', ...parts);

describe('the running header', () => {
  for (const lang of ['en', 'id'] as const) {
    it(`shortens a 200-character title with an ellipsis inside the page box (${lang})`, () => {
      expect(longTitle[lang]).toHaveLength(200);
      const pdf = readPdf(out('long-title', `report.${lang}.pdf`));
      for (let page = 1; page <= pdf.pages; page++) {
        const header = pdf.words.filter((w) => w.page === page && w.yMax < margin.top - 10);
        expect(header.length, `page ${page} has a header`).toBeGreaterThan(0);
        for (const w of header) {
          expect(w.xMin, `"${w.text}" starts inside the page`).toBeGreaterThanOrEqual(margin.side - 1);
          expect(w.xMax, `"${w.text}" ends inside the page`).toBeLessThanOrEqual(pdf.width - margin.side + 1);
        }
        const text = header
          .sort((a, b) => a.xMin - b.xMin)
          .map((w) => w.text)
          .join(' ');
        expect(text).toMatch(/…$/);
        expect(text).toContain(longTitle[lang].split(' ').slice(0, 4).join(' '));
      }
    });
  }
});

describe('the last page', () => {
  it('holds at least three lines in every multi-page document of the stress logs', () => {
    const checked: string[] = [];
    for (const name of Object.keys(stressLogs()).map((f) => f.replace(/\.md$/, ''))) {
      for (const file of readdirSync(out(name)).filter((f) => f.endsWith('.pdf'))) {
        const pdf = readPdf(out(name, file));
        if (pdf.pages < 2) continue;
        checked.push(`${name}/${file}`);
        expect(lines(pdf, pdf.pages), `${name}/${file}: lines on its last page`).toBeGreaterThanOrEqual(3);
      }
    }
    expect(checked.length).toBeGreaterThan(5);
  });
});

describe("a notice's contacts block", () => {
  const heading = { en: locales.get('en')!.labels['heading.contacts']!, id: locales.get('id')!.labels['heading.contacts']! };
  const lastContact = { en: 'status.bank.example', id: 'status.bank.example' };

  it('stays whole on the page of its heading, and takes a new page only when it does not fit the one before', () => {
    let pushed = 0;
    let kept = 0;
    for (const name of sweep) {
      for (const lang of ['en', 'id'] as const) {
        const pdf = readPdf(out(name, `notice.${lang}.pdf`));
        const words = body(pdf);
        const first = heading[lang].split(' ')[0]!;
        const top = words.find((w) => w.text === first)!;
        const bottom = words.findLast((w) => w.text === lastContact[lang])!;
        expect(top, `${name} ${lang}: heading`).toBeDefined();
        expect(bottom.page, `${name} ${lang}: the last contact is on the page of the heading`).toBe(top.page);
        const block = bottom.yMax - top.yMin;
        if (top.page === 1) {
          kept++;
          continue;
        }
        pushed++;
        const before = words.filter((w) => w.page === top.page - 1);
        const free = pdf.height - margin.bottom - Math.max(...before.map((w) => w.yMax));
        // The block may take a new page only when it and the gap above its heading did not fit.
        expect(free, `${name} ${lang}: ${Math.round(free)} pt free before a block of ${Math.round(block)} pt`).toBeLessThan(block + 12);
        expect(pdf.pages, `${name} ${lang}: no page after the block`).toBe(top.page);
      }
    }
    // The sweep puts the block on both sides of the page end.
    expect(kept).toBeGreaterThan(0);
    expect(pushed).toBeGreaterThan(0);
  });
});

describe('links and code in print', () => {
  it('prints a bare domain once, not followed by its address', () => {
    for (const lang of ['en', 'id']) {
      const text = body(readPdf(out('long-title', `report.${lang}.pdf`)))
        .map((w) => w.text)
        .join(' ');
      expect(text).toContain('status.example.com');
      expect(text).not.toContain('(http://status.example.com)');
    }
  });

  it('never splits inline code at a hyphen inside a token', () => {
    const words = readPdf(out('inline-code', 'report.en.pdf')).words;
    const parts = words.filter((w) => /0000123|C-$|payment-|gateway|timeout/.test(w.text));
    expect(parts.length).toBeGreaterThanOrEqual(32);
    for (const w of parts) expect(w.text).toMatch(/^(C-0000123\*\.sys|payment-gateway\.timeout-ms)$/);
  });
});
