/**
 * The plain-text notice and the e-mail carry no control or bidi-override character from a log: no
 * C0 control but tab and line break (NUL, BEL, ESC sequences could rewrite a terminal or confuse a
 * mail client), no U+202A–U+202E or U+2066–U+2069 (they reorder what a reader sees, "Trojan
 * Source" style), and U+2028/U+2029 become line breaks. The decoded Subject and From are checked
 * too, as a mail client shows them.
 */
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { buildView } from '../../src/model/build-view.js';
import { loadTemplates } from '../../src/render/load-templates.js';
import { renderNoticeEml } from '../../src/render/render-notice-eml.js';
import { renderNoticeText } from '../../src/render/render-notice-text.js';
import { renderPage } from '../../src/render/render-page.js';
import { loadText, locales } from '../helpers.js';

const templates = loadTemplates();

const bidi = ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069'];
const controls = ['\u0000', '\u0007', '\u001b[31m', '\u0008', '\u000b', '\u000c', '\u007f', '\u0085', '\u009b'];
/** Every hostile character, between words so what is left around it can be checked. */
const hostile = [...bidi, ...controls].map((c, i) => `w${i}${c}`).join(' ');
const forbidden = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/u;

const yaml = (text: string) => JSON.stringify(text);

function notice() {
  const { log, findings } = loadText(
    [
      '---',
      `title: ${yaml(`Title ${hostile} end`)}`,
      'type: incident',
      'status: resolved',
      `organization: ${yaml(`Org ${hostile}`)}`,
      `contacts: [${yaml(`Call ${hostile} now`)}, ${yaml('line one\u2028line two\u2029line three')}]`,
      `impact: { downtime: ${yaml(`two hours ${hostile}`)} }`,
      '---',
      '',
      '## Summary',
      '',
      `Summary ${hostile} done.`,
      '',
      '## Announcement',
      '',
      `Announcement ${hostile} here.`,
      '',
      '```',
      `code ${hostile}`,
      '```',
      '',
    ].join('\n'),
  );
  if (!log) throw new Error(`log refused: ${findings.map((f) => f.message).join('; ')}`);
  const views = log.languages.map((lang) => buildView(log, 'notice', lang, { locales, now: 0 }));
  const html = renderPage(templates, 'notice', views);
  const text = renderNoticeText(views);
  return { text, eml: renderNoticeEml({ views, html, text, date: new Date(0) }) };
}

describe('plain text and e-mail drop control and bidi-override characters', () => {
  const { text, eml } = notice();

  it('notice.txt has none, and keeps the words around them', () => {
    expect(text).not.toMatch(forbidden);
    for (let i = 0; i < bidi.length + controls.length; i++) expect(text).toContain(`w${i}`);
    expect(text).toContain('Announcement');
    expect(text).toContain('two hours');
  });

  it('notice.txt turns U+2028 and U+2029 into line breaks', () => {
    expect(text).toMatch(/line one\nline two\n+line three/);
  });

  it('the e-mail has none in its decoded Subject, From, text or HTML', async () => {
    const mail = await simpleParser(eml);
    expect(mail.subject).toMatch(/^\[.+\] Title .*end$/);
    expect(mail.subject).not.toMatch(forbidden);
    expect(mail.from?.value[0]?.name).toMatch(/^Org /);
    expect(mail.from?.value[0]?.name).not.toMatch(forbidden);
    expect(mail.text).not.toMatch(forbidden);
    expect(mail.html || '').not.toMatch(/[\u0000-\u0008\u000b\u000e-\u001f\u007f\u202a-\u202e\u2066-\u2069]/u);
  });
});
