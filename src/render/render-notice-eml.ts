import { createHash } from 'node:crypto';
import type { DocumentView } from '../model/build-view.js';

const CRLF = '\r\n';
/** Longest header line we write, without its CRLF (RFC 5322 §2.1.1 "SHOULD"). */
const maxHeaderLine = 78;
/** Longest encoded-word (RFC 2047 §2). */
const maxEncodedWord = 75;
/** Longest quoted-printable line, without its CRLF (RFC 2045 §6.7). */
const maxQpLine = 76;

const utf8 = new TextEncoder();

/**
 * Control characters but tab and line breaks, and bidi overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069): in a header a mail client would show NUL, BEL or an ESC sequence, and an override
 * reorders what a reader sees.
 */
const hiddenControls = /(?![\t\n\r])\p{Cc}|[\u202a-\u202e\u2066-\u2069]/gu;

function hex(byte: number): string {
  return `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

/**
 * Encodes text as quoted-printable (RFC 2045 §6.7) in UTF-8: every line break becomes CRLF,
 * lines are at most 76 characters with soft breaks (`=`) that never split an `=XX` escape or a
 * character, `=` and every byte outside printable ASCII is escaped, and a space or tab at the end
 * of a line is escaped so no transport can strip it.
 */
export function encodeQuotedPrintable(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => {
      const tokens: string[] = [];
      for (const char of line) {
        const code = char.codePointAt(0) as number;
        if ((code >= 33 && code <= 126 && code !== 61) || code === 32 || code === 9) tokens.push(char);
        else tokens.push([...utf8.encode(char)].map(hex).join(''));
      }
      const last = tokens.length - 1;
      if (tokens[last] === ' ' || tokens[last] === '\t') tokens[last] = hex((tokens[last] as string).charCodeAt(0));
      const out: string[] = [];
      let current = '';
      tokens.forEach((token, i) => {
        // Room for the soft break's `=` unless this is the line's last token.
        const limit = i === last ? maxQpLine : maxQpLine - 1;
        if (current.length + token.length > limit) {
          out.push(`${current}=`);
          current = '';
        }
        current += token;
      });
      out.push(current);
      return out.join(CRLF);
    })
    .join(CRLF);
}

/**
 * Encodes a header value as RFC 2047 `=?UTF-8?B?…?=` encoded-words folded onto as many lines as
 * needed: each word is at most 75 characters, holds whole characters only (a UTF-8 sequence is
 * never split), and no line exceeds 78 characters given that `used` characters (the header name,
 * colon and space) come before the first word. Continuation lines start with one space.
 */
export function encodeHeaderWords(value: string, used = 0): string {
  if (value === '') return '';
  const words: string[] = [];
  let room = Math.min(maxEncodedWord, maxHeaderLine - used);
  // Bytes that fit in an encoded-word of `room` characters: 12 go to `=?UTF-8?B?` and `?=`.
  const capacity = (chars: number) => Math.floor((chars - 12) / 4) * 3;
  if (capacity(room) < 4) {
    // Too little space left on the first line for even one character: start on the next.
    words.push('');
    room = maxEncodedWord;
  }
  let bytes: number[] = [];
  const flush = () => {
    words.push(`=?UTF-8?B?${Buffer.from(bytes).toString('base64')}?=`);
    bytes = [];
    room = Math.min(maxEncodedWord, maxHeaderLine - 1);
  };
  for (const char of value) {
    const encoded = utf8.encode(char);
    if (bytes.length && bytes.length + encoded.length > capacity(room)) flush();
    bytes.push(...encoded);
  }
  flush();
  return words.join(`${CRLF} `);
}

/** A display name as a phrase: as is when plain, quoted when it holds specials, encoded-words when not ASCII or too long. */
function encodePhrase(name: string, used: number, after: string): string {
  const plain = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~ ]+$/.test(name) && !/^ | $| {2}/.test(name);
  const printable = /^[\x20-\x7e]*$/.test(name);
  const candidate = plain ? name : printable ? `"${name.replace(/["\\]/g, '\\$&')}"` : undefined;
  if (candidate !== undefined && used + candidate.length + after.length <= maxHeaderLine) return candidate + after;
  const words = encodeHeaderWords(name, used);
  const lastLine = words.slice(words.lastIndexOf('\n') + 1);
  const lastLength = words.includes('\n') ? lastLine.length : used + lastLine.length;
  return lastLength + after.length <= maxHeaderLine ? words + after : `${words}${CRLF}${after}`;
}

/** An address header value: `Name <address>` with the name encoded as needed. */
function formatMailbox(mailbox: string, used: number): string {
  const match = /^\s*(.*?)\s*<([^<>\s]+)>\s*$/.exec(mailbox);
  const name = (match ? match[1] : '')?.replace(/^"(.*)"$/, '$1') ?? '';
  const address = match ? (match[2] as string) : mailbox.trim();
  if (/[\s<>()",;:\\[\]]/.test(address)) throw new Error(`not a mail address: ${JSON.stringify(address)}`);
  if (!name) return address;
  return encodePhrase(name, used, ` <${address}>`);
}

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A date in the RFC 5322 §3.3 format, in UTC: `Fri, 11 Dec 2015 19:00:00 +0000`. */
export function formatMailDate(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new Error('invalid date for the Date header');
  const two = (n: number) => String(n).padStart(2, '0');
  return (
    `${days[date.getUTCDay()]}, ${two(date.getUTCDate())} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()} ` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`
  );
}

/** Lines `name: value` folded after commas so none is longer than 78 characters. */
function foldList(name: string, items: readonly string[]): string {
  let line = `${name}:`;
  const lines: string[] = [];
  items.forEach((item, i) => {
    const piece = ` ${item}${i < items.length - 1 ? ',' : ''}`;
    if (line.length + piece.length > maxHeaderLine && line !== `${name}:`) {
      lines.push(line);
      line = '';
    }
    line += piece;
  });
  lines.push(line);
  return lines.join(CRLF);
}

/** Inputs of {@link renderNoticeEml}. */
export interface NoticeEmlInput {
  /** One view of the notice per language, primary first. */
  views: readonly DocumentView[];
  /** The full notice page (`renderDocument(templates, 'notice', views)`). */
  html: string;
  /** The notice as plain text (`renderNoticeText(views)`). */
  text: string;
  /** `address` or `Name <address>`; by default the organization's name with `noreply@invalid`. */
  from?: string;
  /** The Date header; now by default. */
  date?: Date;
  /** The Message-ID, with or without angle brackets; by default derived from the log's id and the date. */
  messageId?: string;
}

/**
 * Renders the user notice as an RFC 5322 message (an `.eml` file a mail client opens as a draft
 * to send): a multipart/alternative body with the plain text and the full HTML page, both UTF-8
 * in quoted-printable, a subject `[kind] title / other titles` in encoded-words, CRLF line ends
 * and no line longer than 78 characters.
 */
export function renderNoticeEml(input: NoticeEmlInput): string {
  const { views, html, text } = input;
  const primary = views[0];
  if (!primary) throw new Error('renderNoticeEml needs at least one view');
  const date = input.date ?? new Date();

  const titles = [primary.title];
  for (const view of views.slice(1)) if (!titles.includes(view.title)) titles.push(view.title);
  // White space (a vertical tab too) becomes a space first, then any other control goes.
  const subject = `[${primary.kindLabel}] ${titles.join(' / ')}`
    .replace(/\s+/g, ' ')
    .replace(hiddenControls, '')
    .replace(/\s+/g, ' ')
    .trim();

  // The organization comes from the log: no line break or control character may reach a header,
  // and no "<...>" in it may pass for the address.
  const organization = (primary.organization ?? '')
    .replace(/[\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/[\p{Cc}\p{Zl}\p{Zp}<>]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const from = input.from ?? `${organization || 'warta'} <noreply@invalid>`;

  const hash = createHash('sha256').update(`${primary.id}\n${date.toISOString()}`).digest('hex').slice(0, 16);
  const slug = primary.id
    .replace(/[^A-Za-z0-9!#$%&'*+\-/=?^_`{|}~.]+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 30)
    .replace(/[.-]+$/, '');
  const given = input.messageId?.trim().replace(/^<|>$/g, '');
  if (given && !/^[\x21-\x7e]+@[\x21-\x7e]+$/.test(given.replace(/[<>]/g, ' ')))
    throw new Error(`not a Message-ID: ${JSON.stringify(input.messageId)}`);
  const messageId = `<${given || `${hash}${slug ? `.${slug}` : ''}@warta.invalid`}>`;

  const languages = [...new Set(views.map((view) => view.lang.replace(/[^A-Za-z0-9-]/g, '')).filter(Boolean))];

  // The text comes from renderNoticeText, clean already; the page may hold what a log wrote.
  const textBody = encodeQuotedPrintable(text.replace(hiddenControls, ''));
  const htmlBody = encodeQuotedPrintable(html.replace(hiddenControls, ''));
  // `=_` never occurs in quoted-printable (a `=` is always followed by two hex digits or a line end);
  // the loop is only a guard against a future change of encoding.
  const seed = createHash('sha256').update(text).update('\0').update(html).digest('hex');
  let boundary = `=_warta_${seed.slice(0, 24)}`;
  for (let n = 1; textBody.includes(boundary) || htmlBody.includes(boundary); n++) boundary = `=_warta_${seed.slice(0, 24)}_${n}`;

  const headers = [
    `From: ${formatMailbox(from, 'From: '.length)}`,
    'To: undisclosed-recipients:;',
    `Subject: ${encodeHeaderWords(subject, 'Subject: '.length)}`,
    `Date: ${formatMailDate(date)}`,
    `Message-ID: ${messageId}`,
    'MIME-Version: 1.0',
    ...(languages.length ? [foldList('Content-Language', languages)] : []),
    // Outlook and others open a message marked unsent as a draft, ready to address and send.
    'X-Unsent: 1',
    `Content-Type: multipart/alternative;${CRLF} boundary="${boundary}"`,
  ];
  const part = (type: string, body: string) =>
    [`--${boundary}`, `Content-Type: ${type}; charset=UTF-8`, 'Content-Transfer-Encoding: quoted-printable', '', body].join(CRLF);

  return [
    ...headers,
    '',
    'This is a multi-part message in MIME format.',
    '',
    part('text/plain', textBody),
    part('text/html', htmlBody),
    `--${boundary}--`,
    '',
  ].join(CRLF);
}
