import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IncidentLog } from '../../src/log/types.js';
import { readLog } from '../../src/log/read-log.js';
import { locales, runCli, tempDir } from '../helpers.js';

const root = resolve(import.meta.dirname, '../..');
const samples = readdirSync(join(root, 'incidents'))
  .filter((f) => f.endsWith('.md'))
  .map((f) => readLog(join(root, 'incidents', f), { locales }).log as IncidentLog);

/** Text of a PDF as pdftotext reads it in content order (table cells stay whole), with white space folded so wrapped lines still match. */
function pdfText(file: string): string {
  return execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .replace(/-\n/g, '')
    .replace(/-/g, '')
    .replace(/\s+/g, ' ');
}
// Hyphens are dropped on both sides: pdftotext joins a word broken at a hyphen without it.
const fold = (text: string) =>
  text
    .replace(/\*\*|`|-/g, '')
    .replace(/\s+/g, ' ')
    .trim();
/** The first words of a text, enough to recognise it without depending on where lines wrap. */
const opening = (text: string, words = 5) => fold(text).split(' ').slice(0, words).join(' ');

let out: string;
let result: Awaited<ReturnType<typeof runCli>>;

beforeAll(async () => {
  out = tempDir('warta-e2e-');
  result = await runCli(['render', 'incidents', '--out', out], root);
}, 180_000);

describe('rendering the bundled samples in Chromium', () => {
  it('exits 0 and reports every file written', () => {
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/3 log\(s\): 3 rendered, 0 not rendered; \d+ file\(s\) written, 0 unchanged, 0 failed/);
  });

  it('has samples of every kind the issue names', () => {
    expect(samples.map((s) => s.type).sort()).toEqual(['change', 'incident', 'maintenance']);
    expect(samples.find((s) => s.type === 'change')?.languages).toEqual(['id', 'en']);
  });

  for (const log of samples) {
    describe(log.id, () => {
      it('writes every document in every language as HTML and PDF, plus the multilingual notice, its text and its e-mail', () => {
        const files = readdirSync(join(out, log.id)).sort();
        // index.html is the incident's page in the archive.
        const expected = ['index.html', 'notice.html', 'notice.pdf', 'notice.txt', 'notice.eml'];
        for (const kind of ['report', 'notice', 'lessons'])
          for (const lang of log.languages) expected.push(`${kind}.${lang}.html`, `${kind}.${lang}.pdf`);
        for (const lang of log.languages) expected.push(`notice.${lang}.txt`);
        expect(files).toEqual(expected.sort());
      });

      for (const lang of log.languages) {
        const pick = (text: Record<string, string> | undefined) => (text ? (text[lang] ?? text[log.languages[0] as string] ?? '') : '');

        it(`${lang}: the report PDF shows the log's own facts in ${lang}`, () => {
          const text = pdfText(join(out, log.id, `report.${lang}.pdf`));
          expect(text).toContain(fold(pick(log.title)));
          if (log.decision?.rationale) expect(text).toContain(opening(pick(log.decision.rationale), 8));
          for (const action of log.actions) expect(text).toContain(opening(pick(action.title), 3));
          const events = log.timeline[lang] ?? log.timeline[log.languages[0] as string] ?? [];
          for (const event of events) expect(text).toContain(opening(event.text, 3));
          if (log.rescheduled?.start) {
            const day = new Intl.DateTimeFormat(lang === 'id' ? 'id-ID' : 'en-GB', {
              day: 'numeric',
              month: 'long',
              year: 'numeric',
              timeZone: log.timezone,
            }).format(new Date(log.rescheduled.start.epoch));
            expect(text).toContain(day);
          }
          expect(text).toMatch(lang === 'id' ? /Halaman 1 dari \d/ : /Page 1 of \d/);
        });

        it(`${lang}: no PDF or HTML shows undefined, NaN, Invalid Date, [object Object] or raw attributes`, () => {
          for (const kind of ['report', 'notice', 'lessons']) {
            const pdf = pdfText(join(out, log.id, `${kind}.${lang}.pdf`));
            // The stylesheet is left out: base64 fonts may spell "NaN" by chance.
            const html = readFileSync(join(out, log.id, `${kind}.${lang}.html`), 'utf8').replace(/<style>[\s\S]*?<\/style>/, '');
            for (const text of [pdf, html]) {
              expect(text).not.toMatch(/undefined|NaN|Invalid Date|\[object Object\]|\{lang=|\{\{/);
            }
            expect(pdf).not.toMatch(/(^|\s)#{2,}\s|\*\*/);
          }
        });

        it(`${lang}: PDFs carry the title and language in their metadata`, () => {
          const file = join(out, log.id, `lessons.${lang}.pdf`);
          const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
          expect(info).toMatch(
            new RegExp(
              `^Title:\\s+${pick(log.title)
                .slice(0, 30)
                .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`,
              'm',
            ),
          );
          expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
          expect(readFileSync(file).includes(`/Lang (${lang})`)).toBe(true);
        });
      }

      it('the multilingual notice has every language, primary first', () => {
        const text = pdfText(join(out, log.id, 'notice.pdf'));
        const headline = log.headline ?? log.title;
        const positions = log.languages.map((lang) => text.indexOf(fold(headline[lang] ?? headline[log.languages[0] as string] ?? '')));
        for (const position of positions) expect(position).toBeGreaterThanOrEqual(0);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
      });
    });
  }

  it('the notice e-mail opens in a real MIME parser with every language', async () => {
    const { simpleParser } = await import('mailparser');
    const seed = samples.find((s) => s.languages.length > 1) as IncidentLog;
    const mail = await simpleParser(readFileSync(join(out, seed.id, 'notice.eml')));
    for (const lang of seed.languages) {
      const headline = (seed.headline ?? seed.title)[lang] as string;
      expect(mail.subject).toContain(headline);
      expect(mail.text).toContain(headline);
      expect(mail.html || '').toContain(headline);
    }
    const text = readFileSync(join(out, seed.id, 'notice.txt'), 'utf8');
    expect(text).not.toMatch(/<[a-z/]|\*\*|^#+ |&amp;|undefined/m);
  });

  it('draws the timeline picture in the report and lessons, and keeps internals out of the notice', () => {
    for (const log of samples) {
      for (const lang of log.languages) {
        const report = readFileSync(join(out, log.id, `report.${lang}.html`), 'utf8');
        const lessons = readFileSync(join(out, log.id, `lessons.${lang}.html`), 'utf8');
        const notice = readFileSync(join(out, log.id, `notice.${lang}.html`), 'utf8');
        const events = log.timeline[lang] ?? log.timeline[log.languages[0] as string] ?? [];
        const worthDrawing = Boolean(log.window?.actualEnd) || Boolean(log.detected && log.resolved) || events.length >= 2;
        expect(report.includes('role="img"')).toBe(worthDrawing);
        if (worthDrawing && log.window?.start && log.window.end) {
          expect(report).toMatch(/<svg[^>]*role="img"/);
          expect(report).toContain('tl-planned');
          expect(lessons).toContain('tl-planned');
        }
        if (log.window?.actualEnd && log.window.end && log.window.actualEnd.epoch > log.window.end.epoch)
          expect(report).toContain('tl-overrun');
        if (log.detected && log.resolved) expect(report).toContain('tl-outage');
        expect(notice).not.toContain('class="badge severity');
        expect(notice).not.toContain('class="ref"');
        if (log.headline) expect(notice).not.toContain(`<h1>${log.title[lang] ?? ''}</h1>`);
      }
    }
  });

  it('spells dates in the document language', () => {
    const seed = samples.find((s) => s.languages[0] === 'id') as IncidentLog;
    const id = pdfText(join(out, seed.id, 'report.id.pdf'));
    const en = pdfText(join(out, seed.id, 'report.en.pdf'));
    expect(id).toContain('Desember');
    expect(id).toMatch(/Jumat, 11 Desember 2015 pukul 19\.00/);
    expect(id).toContain('WIB');
    expect(id).not.toContain('December');
    expect(en).toContain('December');
    expect(en).toMatch(/Friday(,)? 11 December 2015 at 19:00/);
    expect(en).not.toContain('Desember');
  });

  it('builds the archive beside the documents', () => {
    for (const file of ['index.html', 'actions.html', 'lessons.html', 'incidents.json', 'actions.csv', 'notices.atom'])
      expect(existsSync(join(out, file)), file).toBe(true);
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    for (const log of samples) expect(index).toContain(`href="${log.id}/report.${log.languages[0]}.pdf"`);
  });

  it('writes no partial files', () => {
    const all = readdirSync(out, { recursive: true }).map(String);
    expect(all.filter((f) => f.includes('.partial'))).toEqual([]);
    expect(existsSync(join(out, basename(out)))).toBe(false);
  });
});
