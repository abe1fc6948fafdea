import { describe, expect, it } from 'vitest';
import { knownSectionKeys } from '../../src/locale/types.js';
import { buildView, documentKinds } from '../../src/model/build-view.js';
import { loadTemplates } from '../../src/render/load-templates.js';
import { renderPage } from '../../src/render/render-page.js';
import { loadText, locales, logText } from '../helpers.js';
import { loadV11 } from '../model/v11-log.js';

const templates = loadTemplates();
const now = Date.UTC(2024, 2, 15);

/** The page's body text with tags, styles and fonts taken out, white space single. */
function render(kind: 'report' | 'lessons', lang: 'en' | 'id'): { html: string; text: string } {
  const { log } = loadV11();
  const html = renderPage(templates, kind, [buildView(log, kind, lang, { locales, now })]);
  const body = html.slice(html.indexOf('<body'));
  return { html: body, text: words(body.replace(/<svg[\s\S]*?<\/svg>/g, ' ')) };
}

/** HTML as the words a reader sees: inline tags vanish, block tags part words, references decoded. */
function words(html: string): string {
  return html
    .replace(/<\/?(?:strong|em|code|a|span)\b[^>]*>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(?:39|x27);/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
}

/** What a reader would call broken: missing values, objects, raw Markdown, headings with nothing in them. */
function expectClean(html: string, text: string): void {
  expect(text).not.toMatch(/undefined|\[object Object\]|NaN|null/);
  expect(text).not.toContain('**');
  expect(html).not.toMatch(/<h[1-4][^>]*>\s*<\/h[1-4]>/);
  expect(html).not.toMatch(/<(dd|td|th)>\s*<\/\1>\s*<\/tr>\s*<\/thead>/);
}

describe('format v1.1 in the rendered documents', () => {
  it.each([
    [
      'en',
      ['Impact began', 'Time to detect 12 minutes', 'Time to mitigate 1 hour and 30 minutes', 'Time to resolve 2 hours and 52 minutes'],
    ],
    [
      'id',
      [
        'Dampak dimulai',
        'Waktu hingga terdeteksi 12 menit',
        'Waktu hingga dampak diredam 1 jam dan 30 menit',
        'Waktu penanganan 2 jam dan 52 menit',
      ],
    ],
  ] as const)('the %s management report gives the phases and their durations on page one', (lang, expected) => {
    const { html, text } = render('report', lang);
    const glance = html.slice(html.indexOf('class="glance"'), html.indexOf('</section>', html.indexOf('class="glance"')));
    for (const fact of expected) expect(words(glance)).toContain(fact);
    expectClean(html, text);
  });

  it('the English report of an Indonesian log shows the English names, the Indonesian one the Indonesian names', () => {
    const en = render('report', 'en').text;
    expect(en).toContain('Communications and Informatics Agency · Management report');
    expect(en).toContain('People Incident commander Rina Wulandari (incident commander) Responders Network team and Andi Pratama');
    expect(en).toContain('Prepared by Budi Santoso, Head of IT');
    expect(en).toContain('Approved by Sari Dewi, Director');
    expect(en).not.toMatch(/Kepala TI|Direktur|Tim Jaringan|Tim SRE/);
    const id = render('report', 'id').text;
    expect(id).toContain('Dinas Komunikasi dan Informatika · Laporan manajemen');
    expect(id).toContain('Tim penanganan Komandan insiden Rina Wulandari (komandan insiden) Tim respons Tim Jaringan dan Andi Pratama');
    expect(id).toContain('Disiapkan oleh Budi Santoso, Kepala TI');
    expect(id).toContain('Disetujui oleh Sari Dewi, Direktur');
  });

  it.each([
    ['report', 'en', 'Impact in figures Measure Value Failed payments 18,400 payments Share of failed requests 31.5%'],
    ['report', 'id', 'Dampak dalam angka Ukuran Nilai Transaksi gagal 18.400 transaksi Porsi permintaan gagal 31,5%'],
    ['lessons', 'en', 'Impact in figures Measure Value Failed payments 18,400 payments'],
    ['lessons', 'id', 'Dampak dalam angka Ukuran Nilai Transaksi gagal 18.400 transaksi'],
  ] as const)('the %s in %s shows the impact figures as a table', (kind, lang, expected) => {
    const { html, text } = render(kind, lang);
    expect(text).toContain(expected);
    expectClean(html, text);
  });

  it.each([
    ['report', 'en', 'Trigger Release v4.18.0. Contributing factors A default changed.'],
    ['report', 'id', 'Pemicu Rilis v4.18.0. Faktor penyebab Nilai bawaan berubah.'],
    ['lessons', 'en', 'Trigger Release v4.18.0. Contributing factors A default changed.'],
    ['lessons', 'id', 'Pemicu Rilis v4.18.0. Faktor penyebab Nilai bawaan berubah.'],
  ] as const)('the %s in %s shows the trigger right before the causes', (kind, lang, expected) => {
    expect(render(kind, lang).text).toContain(expected);
  });

  it.each([
    ['en', 'Detection The 504 alert fired. Resolution and recovery Rolled back to v4.17.2.'],
    ['id', 'Deteksi Alarm 504 berbunyi. Penanganan dan pemulihan Rollback ke v4.17.2.'],
  ] as const)('the lessons in %s show detection and resolution after the timeline', (lang, expected) => {
    const { text } = render('lessons', lang);
    expect(text).toContain(expected);
    expect(text.indexOf(expected)).toBeGreaterThan(text.indexOf(lang === 'en' ? 'Timeline' : 'Kronologi'));
  });

  it('the report shows the main decision in its box, and the lessons list every decision with its time', () => {
    const report = render('report', 'en');
    const box = report.html.slice(
      report.html.indexOf('class="decision-box"'),
      report.html.indexOf('</section>', report.html.indexOf('class="decision-box"')),
    );
    expect(box).toContain('Roll back');
    expect(box).not.toContain('ransom');
    expect(report.html).toContain('<tr class="decision-point">');
    const en = render('lessons', 'en').text;
    expect(en).toContain(
      'Decisions Time Decision Decided by Tue 5 Mar, 14:31 WIB Do not pay the ransom The backups were intact. The board Tue 5 Mar, 15:14 WIB Roll back The old version was proven. Incident commander',
    );
    const id = render('lessons', 'id').text;
    expect(id).toContain('Keputusan yang diambil');
    expect(id).toContain('Jangan bayar tebusan Cadangan masih utuh. Direksi');
  });

  it.each([
    ['en', ['Type', 'Add a latency alert · JIRA-123 SRE team Detect 8 Mar 2024 Done 7 Mar 2024', "Won't do", 'Process']],
    ['id', ['Jenis', 'Pasang alarm latensi · JIRA-123 Tim SRE Deteksi 8 Mar 2024 Selesai 7 Mar 2024', 'Tidak dikerjakan', 'Proses']],
  ] as const)('the action table in %s shows type, link, completion date and the new statuses', (lang, expected) => {
    for (const kind of ['report', 'lessons'] as const) {
      const { html, text } = render(kind, lang);
      const table = html.slice(html.indexOf('class="action-table"'), html.indexOf('</table>', html.indexOf('class="action-table"')));
      for (const word of expected) expect(words(table), `${kind} ${lang}`).toContain(word);
      expect(table).toContain('<a class="url" href="https://tracker.example/browse/OPS-7" rel="noopener noreferrer nofollow">');
      expect(table).not.toContain('href="javascript');
      expect(table).toContain('javascript:alert(1)');
      expectClean(html, text);
    }
  });

  it('shows every known section in at least one document: no content disappears', () => {
    const en = locales.get('en');
    const body = knownSectionKeys.map((key) => `## ${en?.sections[key]?.[0] ?? key}\n\nMarker ${key} text.\n`).join('\n');
    const { log } = loadText(logText('title: T\ntype: incident\nstatus: resolved\nresolved: 2024-03-05T16:42', body));
    if (!log) throw new Error('the log does not validate');
    const pages = documentKinds.map((kind) => renderPage(templates, kind, [buildView(log, kind, 'en', { locales, now })])).join('\n');
    for (const key of knownSectionKeys) expect(pages, key).toContain(`Marker ${key} text.`);
  });
});
