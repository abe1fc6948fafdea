import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildView } from '../../src/model/build-view.js';
import { readLog } from '../../src/log/read-log.js';
import { htmlToText } from '../../src/html/html-to-text.js';
import { renderMarkdown } from '../../src/html/markdown.js';
import { renderNoticeText } from '../../src/render/render-notice-text.js';
import { loadText, locales, logText } from '../helpers.js';

const incidents = join(import.meta.dirname, '../../incidents');

function noticeViews(file: string) {
  const { log, findings } = readLog(join(incidents, file), { locales });
  if (!log) throw new Error(`sample did not load: ${JSON.stringify(findings)}`);
  return log.languages.map((lang) => buildView(log, 'notice', lang, { locales, now: 0 }));
}

function expectClean(text: string) {
  for (const bad of ['<', '>', '**', '##', '&amp;', '&lt;', '&quot;', '&#', 'undefined', '[object']) expect(text).not.toContain(bad);
  expect(text).not.toMatch(/&[a-z]+;/);
  expect(text.endsWith('\n')).toBe(true);
  expect(text.endsWith('\n\n')).toBe(false);
  expect(text).not.toMatch(/[ \t]\n/);
}

describe('htmlToText', () => {
  it('separates paragraphs with a blank line and joins soft line breaks', () => {
    expect(htmlToText(renderMarkdown('One\ntwo.\n\nThree.'))).toBe('One two.\n\nThree.');
  });

  it('keeps bold, emphasis and code as plain words', () => {
    expect(htmlToText(renderMarkdown('**Bold** and *em* and `x < y`.'))).toBe('Bold and em and x < y.');
  });

  it('writes bullet and numbered lists, keeping the start number and nesting', () => {
    const html = renderMarkdown('Intro:\n\n- one\n- two\n  - nested\n\n3. three\n4. four');
    expect(htmlToText(html)).toBe('Intro:\n\n• one\n• two\n  • nested\n\n3. three\n4. four');
  });

  it('keeps the paragraphs of a loose list item together under its bullet', () => {
    expect(htmlToText(renderMarkdown('- first\n\n  more\n\n- second'))).toBe('• first\n  more\n• second');
  });

  it('shows a link address only when it differs from the text', () => {
    const html = renderMarkdown('See [the status page](https://status.example/x?a=1&b=2), https://example.com/ and mail help@example.com.');
    expect(htmlToText(html)).toBe(
      'See the status page (https://status.example/x?a=1&b=2), https://example.com/ and mail help@example.com.',
    );
  });

  it('decodes named and numeric character references exactly once', () => {
    expect(htmlToText('<p>A &amp; B &lt;C&gt; &quot;D&quot; &#39;E&#39; &#233; &#x1F600; &amp;lt;</p>')).toBe(
      'A & B <C> "D" \'E\' é 😀 &lt;',
    );
    expect(htmlToText(renderMarkdown('Tom & Jerry <script> "quoted" it\'s'))).toBe('Tom & Jerry <script> "quoted" it\'s');
  });

  it('turns hard breaks into line breaks', () => {
    expect(htmlToText(renderMarkdown('line one  \nline two\\\nline three'))).toBe('line one\nline two\nline three');
  });

  it('keeps code blocks verbatim and flattens headings, quotes, rules and tables', () => {
    const md = '### Steps\n\n```\nif (a) {\n    b();\n}\n```\n\n> quoted **words**\n\n---\n\n| A | B |\n|---|---|\n| 1 | 2 & 3 |\n';
    expect(htmlToText(renderMarkdown(md))).toBe('Steps\n\nif (a) {\n    b();\n}\n\n│ quoted words\n\n———\n\nA | B\n1 | 2 & 3');
  });

  it('shows an image as its alt text and address', () => {
    expect(htmlToText(renderMarkdown('![diagram](https://example.com/d.png)'))).toBe('[diagram] (https://example.com/d.png)');
  });

  it('returns an empty string for empty HTML', () => {
    expect(htmlToText('')).toBe('');
    expect(htmlToText('<p></p>\n')).toBe('');
  });
});

describe('renderNoticeText', () => {
  const views = noticeViews('2015-12-11-vcenter-upgrade-postponed.md');
  const text = renderNoticeText(views);

  it('has one block per language, primary first, each under its language name', () => {
    expect(views.map((v) => v.lang)).toEqual(['id', 'en']);
    const id = text.indexOf('— Bahasa Indonesia —');
    const en = text.indexOf('— English —');
    expect(id).toBe(0);
    expect(en).toBeGreaterThan(id);
    expect(text.indexOf(views[0]!.title)).toBeGreaterThan(id);
    expect(text.indexOf(views[0]!.title)).toBeLessThan(en);
    expect(text.indexOf(views[1]!.title)).toBeGreaterThan(en);
    for (const view of views) expect(text.split(view.title)).toHaveLength(2);
    expect(text.split('— English —')).toHaveLength(2);
  });

  it('starts each block with the title, organization and status', () => {
    expect(text).toContain(
      'Pemeliharaan server dipindah ke Jumat, 18 Desember 2015\nPT Contoh Sejahtera · Pemberitahuan kepada pengguna\nStatus: Ditunda\n',
    );
    expect(text).toContain(
      'Server maintenance moved to Friday 18 December 2015\nPT Contoh Sejahtera · Notice to users\nStatus: Postponed\n',
    );
  });

  it('lists the when facts as label: value lines, with the new date', () => {
    for (const view of views) {
      for (const fact of view.when) expect(text).toContain(`\n${fact.label}: ${fact.value}\n`);
    }
    expect(text).toMatch(/\nJadwal baru: [^\n]*18 Desember 2015/);
    expect(text).toMatch(/\nNew date: [^\n]*18 December 2015/);
  });

  it('gives the announcement as plain paragraphs, bold text without markup', () => {
    expect(text).toContain('\n\nKepada seluruh pengguna,\n\n');
    expect(text).toContain('belum dapat kami selesaikan dan dipindahkan ke Jumat, 18 Desember 2015, mulai pukul 19.00 WIB.');
    expect(text).toContain('\n\nTo all users,\n\n');
    expect(text).toContain('could not be completed and has been moved to Friday 18 December 2015, starting at 19:00 WIB.\n\n');
    expect(text).toContain('What does this mean for you? Nothing changes.');
    expect(text).toContain('\n\nPT Contoh Sejahtera IT team\n\n');
  });

  it('ends each block with the contacts', () => {
    expect(text).toContain(
      'Jika ada pertanyaan, silakan hubungi:\n• Helpdesk TI PT Contoh Sejahtera, ext. 1100 (Senin–Jumat, 08.00–17.00 WIB)\n',
    );
    expect(text).toContain('If you have questions, please contact:\n• PT Contoh Sejahtera IT helpdesk, ext. 1100');
    expect(text.endsWith('• Outside office hours, the IT on-call phone at +62 812-0000-1100\n')).toBe(true);
  });

  it('leaves no HTML, entities or Markdown and ends with a single newline', () => {
    expectClean(text);
    expect(text).not.toMatch(/\n{4}/);
    expect(text).not.toMatch(/^\s/);
  });

  it('writes a single-language notice without a language line, lists as bullets and links with their address', () => {
    const single = renderNoticeText(noticeViews('2024-03-05-payment-api-outage.md'));
    expect(single).not.toContain('— English —');
    expect(single.startsWith('Card payments were disrupted on 5 March 2024 (resolved)\n')).toBe(true);
    expect(single).toContain('\n• Payments that failed during this time were not charged.');
    expect(single).toContain('but no customer was charged twice.\n');
    expect(single).toContain('status.grachtwerk.example (https://status.grachtwerk.example/incidents/2024-03-05-card-payments)');
    expectClean(single);
  });

  it('falls back to the summary and who is affected when there is no announcement', () => {
    const result = loadText(
      logText(
        'title: Mail & chat slow\ntype: incident\nstatus: resolved\nimpact:\n  users: Everyone using **webmail** <on phones>',
        '## Summary\n\nMail was slow for an hour & then fine.\n',
      ),
    );
    const view = buildView(result.log!, 'notice', 'en', { locales, now: 0 });
    const plain = renderNoticeText([view]);
    expect(plain.startsWith('Mail & chat slow\nNotice to users\nStatus: Resolved\n\n')).toBe(true);
    expect(plain).toContain('Mail was slow for an hour & then fine.\n\nEveryone using webmail <on phones>\n');
    expect(plain).not.toContain('&amp;');
    expect(plain).not.toContain('undefined');
  });
});
