import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { buildView, type DocumentView } from '../../src/model/build-view.js';
import { readLog } from '../../src/log/read-log.js';
import { loadTemplates } from '../../src/render/load-templates.js';
import { renderPage } from '../../src/render/render-page.js';
import { encodeHeaderWords, encodeQuotedPrintable, formatMailDate, renderNoticeEml } from '../../src/render/render-notice-eml.js';
import { renderNoticeText } from '../../src/render/render-notice-text.js';
import { loadText, locales, logText } from '../helpers.js';

const templates = loadTemplates();
const date = new Date('2015-12-12T08:05:09Z');

function viewsOf(log: NonNullable<ReturnType<typeof loadText>['log']>): DocumentView[] {
  return log.languages.map((lang) => buildView(log, 'notice', lang, { locales, now: 0 }));
}

function notice(views: DocumentView[]) {
  const html = renderPage(templates, 'notice', views);
  const text = renderNoticeText(views);
  return { views, html, text, eml: renderNoticeEml({ views, html, text, date }) };
}

const sample = (() => {
  const { log, findings } = readLog(join(import.meta.dirname, '../../incidents/2015-12-11-vcenter-upgrade-postponed.md'), { locales });
  if (!log) throw new Error(`sample did not load: ${JSON.stringify(findings)}`);
  return notice(viewsOf(log));
})();

const lf = (s: string) => s.replace(/\r\n/g, '\n');

/** A strict quoted-printable decoder: fails on anything RFC 2045 does not allow. */
function decodeQp(qp: string): string {
  const bytes: number[] = [];
  for (const line of qp.split('\r\n')) {
    expect(line.length).toBeLessThanOrEqual(76);
    expect(line).toMatch(/^(?:[\x21-\x3c\x3e-\x7e \t]|=[0-9A-F]{2})*=?$/);
    expect(line).not.toMatch(/[ \t]$/);
  }
  const body = qp.replace(/=\r\n/g, '');
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '=') {
      bytes.push(Number.parseInt(body.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(body.charCodeAt(i));
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(bytes));
}

/** Checks the folding of encoded-words and returns the decoded text. */
function decodeWords(folded: string, used: number): string {
  // A value that cannot start on the header's own line starts on the next one.
  const leading = folded.startsWith('\r\n ');
  const lines = (leading ? folded.slice(2) : folded).split('\r\n');
  if (leading) used = 0;
  let decoded = '';
  lines.forEach((line, i) => {
    expect(line.length + (i === 0 ? used : 0)).toBeLessThanOrEqual(78);
    const word = line.replace(/^ /, '');
    if (i > 0 || leading) expect(line.startsWith(' ')).toBe(true);
    expect(word.length).toBeLessThanOrEqual(75);
    const match = /^=\?UTF-8\?B\?([A-Za-z0-9+/]+={0,2})\?=$/.exec(word);
    expect(match, word).not.toBeNull();
    // Each word holds whole characters: it decodes on its own.
    decoded += new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(match![1]!, 'base64'));
  });
  return decoded;
}

function expectWellFormed(eml: string) {
  expect(eml.endsWith('\r\n')).toBe(true);
  expect(eml.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  const lines = eml.split('\r\n');
  for (const line of lines) {
    expect(line.length).toBeLessThanOrEqual(78);
    expect(line).toMatch(/^[\x20-\x7e\t]*$/);
  }
}

describe('encodeQuotedPrintable', () => {
  it('leaves short printable ASCII alone and uses CRLF', () => {
    expect(encodeQuotedPrintable('Hello, world!\nSecond line')).toBe('Hello, world!\r\nSecond line');
    expect(encodeQuotedPrintable('a\r\nb\rc')).toBe('a\r\nb\r\nc');
    expect(encodeQuotedPrintable('')).toBe('');
    expect(encodeQuotedPrintable('end\n')).toBe('end\r\n');
  });

  it('escapes equals signs and non-ASCII as UTF-8 bytes', () => {
    expect(encodeQuotedPrintable('a=b')).toBe('a=3Db');
    expect(encodeQuotedPrintable('é—😀')).toBe('=C3=A9=E2=80=94=F0=9F=98=80');
    expect(encodeQuotedPrintable('\u0000\u007f')).toBe('=00=7F');
  });

  it('escapes a space or tab at the end of a line only', () => {
    expect(encodeQuotedPrintable('hello \nworld\t\n  ')).toBe('hello=20\r\nworld=09\r\n =20');
    expect(encodeQuotedPrintable('a b\tc')).toBe('a b\tc');
  });

  it('keeps a 76-character line and breaks a 77-character one softly', () => {
    const x76 = 'x'.repeat(76);
    expect(encodeQuotedPrintable(x76)).toBe(x76);
    expect(encodeQuotedPrintable(`${x76}y`)).toBe(`${'x'.repeat(75)}=\r\nxy`);
  });

  it('breaks a line of 200 "é" without splitting an escape or a character', () => {
    const input = 'é'.repeat(200);
    const qp = encodeQuotedPrintable(input);
    const lines = qp.split('\r\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      expect(line).toMatch(/^(?:=C3=A9)+=?$/);
      expect(line.length).toBeLessThanOrEqual(76);
    }
    expect(lines.slice(0, -1).every((line) => line.endsWith('='))).toBe(true);
    expect(decodeQp(qp)).toBe(input);
  });

  it('breaks long runs of "=" and emoji into valid lines', () => {
    for (const input of ['='.repeat(100), '😀'.repeat(40), `${'a'.repeat(74)}é`, `${'a '.repeat(60)}\n`, `${'b'.repeat(75)} `]) {
      expect(decodeQp(encodeQuotedPrintable(input))).toBe(input.replace(/\n/g, '\r\n'));
    }
  });

  it('escapes a trailing space even where the line is also broken softly', () => {
    const input = `${'a'.repeat(75)} `;
    const qp = encodeQuotedPrintable(input);
    expect(qp).toBe(`${'a'.repeat(75)}=\r\n=20`);
    expect(decodeQp(qp)).toBe(input);
  });
});

describe('encodeHeaderWords', () => {
  it('encodes a short value as one word', () => {
    expect(encodeHeaderWords('Café', 9)).toBe(`=?UTF-8?B?${Buffer.from('Café').toString('base64')}?=`);
    expect(encodeHeaderWords('', 9)).toBe('');
  });

  it('folds 200 "é" into words of at most 75 characters on lines of at most 78', () => {
    const value = 'é'.repeat(200);
    const folded = encodeHeaderWords(value, 'Subject: '.length);
    expect(folded.split('\r\n').length).toBeGreaterThan(4);
    expect(decodeWords(folded, 'Subject: '.length)).toBe(value);
  });

  it('never splits a multi-byte character between words', () => {
    for (const value of ['😀'.repeat(50), `${'a'.repeat(41)}😀—é${'x'.repeat(100)}`, '👩‍💻 — déploiement '.repeat(8)]) {
      for (const used of [0, 6, 9, 40, 60]) expect(decodeWords(encodeHeaderWords(value, used), used)).toBe(value);
    }
  });

  it('starts on a continuation line when the first has no room', () => {
    const folded = encodeHeaderWords('é', 75);
    expect(folded).toBe('\r\n =?UTF-8?B?w6k=?=');
    expect(decodeWords(folded, 75)).toBe('é');
  });
});

describe('formatMailDate', () => {
  it('writes an RFC 5322 date in UTC', () => {
    expect(formatMailDate(date)).toBe('Sat, 12 Dec 2015 08:05:09 +0000');
    expect(formatMailDate(new Date('2024-03-05T23:59:59.999Z'))).toBe('Tue, 05 Mar 2024 23:59:59 +0000');
  });
});

describe('renderNoticeEml', () => {
  it('is well-formed: CRLF everywhere, 7-bit, no line over 78 characters', () => {
    expectWellFormed(sample.eml);
  });

  it('has the headers of a notice in two languages', async () => {
    const parsed = await simpleParser(sample.eml);
    expect(parsed.subject).toBe(
      '[Pemberitahuan kepada pengguna] Pemeliharaan server dipindah ke Jumat, 18 Desember 2015' +
        ' / Server maintenance moved to Friday 18 December 2015',
    );
    expect(parsed.from?.value).toEqual([{ name: 'PT Contoh Sejahtera', address: 'noreply@invalid' }]);
    expect(parsed.to).toMatchObject({ value: [{ name: 'undisclosed-recipients', group: [] }] });
    expect(sample.eml).toMatch(/^To: undisclosed-recipients:;\r$/m);
    expect(parsed.date?.toISOString()).toBe(date.toISOString());
    expect(parsed.headers.get('mime-version')).toBe('1.0');
    expect(parsed.headers.get('content-language')).toBe('id, en');
    expect(parsed.messageId).toMatch(/^<[0-9a-f]{16}\.2015-12-11-vcenter-upgrade-pos@warta\.invalid>$/);
    expect(sample.eml).toMatch(/^Date: Sat, 12 Dec 2015 08:05:09 \+0000\r$/m);
    expect(sample.eml).toMatch(/^Subject: =\?UTF-8\?B\?/m);
  });

  it('carries the plain text and the HTML page unchanged, both UTF-8 quoted-printable', async () => {
    const parsed = await simpleParser(sample.eml);
    expect(lf(parsed.text ?? '')).toBe(lf(sample.text));
    expect(lf(String(parsed.html))).toBe(lf(sample.html));
    expect(parsed.text).toContain('18 Desember 2015');
    expect(parsed.attachments).toEqual([]);

    const type = /^Content-Type: multipart\/alternative;\r\n boundary="([^"]+)"\r$/m.exec(sample.eml);
    expect(type).not.toBeNull();
    const boundary = type![1]!;
    const parts = sample.eml.split(`\r\n--${boundary}`);
    expect(parts).toHaveLength(4);
    expect(parts[3]).toBe('--\r\n');
    const split = (part: string) => [part.slice(0, part.indexOf('\r\n\r\n')), part.slice(part.indexOf('\r\n\r\n') + 4)];
    const [plainHead, plainBody] = split(parts[1]!);
    const [htmlHead, htmlBody] = split(parts[2]!);
    expect(plainHead).toBe('\r\nContent-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable');
    expect(htmlHead).toBe('\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable');
    expect(decodeQp(plainBody!)).toBe(sample.text.replace(/\n/g, '\r\n'));
    expect(decodeQp(htmlBody!)).toBe(sample.html.replace(/\r?\n/g, '\r\n'));
    // The boundary appears only as delimiters and in the header.
    expect(sample.eml.split(boundary)).toHaveLength(5);
  });

  it('is reproducible for a given date and changes its Message-ID with the date', () => {
    const again = renderNoticeEml({ views: sample.views, html: sample.html, text: sample.text, date });
    expect(again).toBe(sample.eml);
    const later = renderNoticeEml({ views: sample.views, html: sample.html, text: sample.text, date: new Date(date.getTime() + 1000) });
    const id = (eml: string) => /^Message-ID: (.*)\r$/m.exec(eml)?.[1];
    expect(id(later)).not.toBe(id(sample.eml));
  });

  it('takes a given sender and Message-ID', async () => {
    const eml = renderNoticeEml({ ...sample, date, from: 'Tim TI — Helpdesk <it@contoh.example>', messageId: 'abc.123@contoh.example' });
    expectWellFormed(eml);
    const parsed = await simpleParser(eml);
    expect(parsed.from?.value).toEqual([{ name: 'Tim TI — Helpdesk', address: 'it@contoh.example' }]);
    expect(parsed.messageId).toBe('<abc.123@contoh.example>');
    expect(() => renderNoticeEml({ ...sample, messageId: 'a b@c\r\nBcc: x@y' })).toThrow(/Message-ID/);
    expect(() => renderNoticeEml({ ...sample, from: 'x <a@b>\r\nBcc: x@y' })).toThrow(/address/);
  });

  it('keeps a non-ASCII subject and sender exact and folds them', async () => {
    const titleEn = 'Café outage — payments déclinés 🚀 for every shop in the Île-de-France region, again';
    const titleId = 'Gangguan kafe — pembayaran ditolak 🚀 untuk semua toko “Île-de-France”';
    const organization = 'Société Générale — Équipe 😀 IT & Opérations, Paris';
    const result = loadText(
      logText(
        `title:\n  en: "${titleEn}"\n  id: "${titleId}"\ntype: incident\nstatus: resolved\nlanguages: [en, id]\norganization: "${organization}"`,
        '## Summary\n\nCafé é — 🚀 = 100% fine.\n',
      ),
    );
    expect(result.log, JSON.stringify(result.findings)).toBeDefined();
    const { eml, text, html } = notice(viewsOf(result.log!));
    expectWellFormed(eml);
    const subjectLines = /^Subject: .*\r\n(?: .*\r\n)*/m.exec(eml)![0];
    expect(subjectLines.split('\r\n').length).toBeGreaterThan(3);

    const parsed = await simpleParser(eml);
    expect(parsed.subject).toBe(`[Notice to users] ${titleEn} / ${titleId}`);
    expect(parsed.from?.value).toEqual([{ name: organization, address: 'noreply@invalid' }]);
    expect(parsed.headers.get('content-language')).toBe('en, id');
    expect(lf(parsed.text ?? '')).toBe(lf(text));
    expect(lf(String(parsed.html))).toBe(lf(html));
    expect(parsed.text).toContain('Café é — 🚀 = 100% fine.');
  });

  it('lists one title when every language falls back to the same one', async () => {
    const result = loadText(logText('title: Only one title\ntype: change\nstatus: completed\nlanguages: [en, id]'));
    const { eml } = notice(viewsOf(result.log!));
    const parsed = await simpleParser(eml);
    expect(parsed.subject).toBe('[Notice to users] Only one title');
    expect(parsed.from?.value).toEqual([{ name: 'warta', address: 'noreply@invalid' }]);
  });
});
