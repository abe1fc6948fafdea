import type { DocumentView } from '../model/build-view.js';
import { htmlToText } from '../html/html-to-text.js';

/** The notice of one language as lines: header, when, what it means, contacts. */
function noticeBlock(view: DocumentView): string[] {
  const label = (key: string) => view.labels[key] ?? key;
  const paragraphs: string[] = [];

  // The title and organization are one-line values: a line break in the log does not split them.
  const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
  const header = [oneLine(view.title)];
  header.push(view.organization ? `${oneLine(view.organization)} · ${view.kindLabel}` : view.kindLabel);
  header.push(`${label('fact.status')}: ${view.statusLabel}`);
  paragraphs.push(header.join('\n'));

  if (view.when.length) paragraphs.push(view.when.map((fact) => `${fact.label}: ${fact.value}`).join('\n'));

  const meaning = htmlToText(view.noticeHtml);
  if (meaning) paragraphs.push(meaning);

  if (view.contacts.length) {
    paragraphs.push([label('notice.contactsIntro'), ...view.contacts.map((contact) => `• ${contact}`)].join('\n'));
  }
  return paragraphs;
}

/**
 * Renders the user notice as plain text to paste into a chat app or a short-message channel:
 * title, status, the times that matter, the announcement and the contacts, one block per
 * language (primary first, each under a `— Language —` line when there are several), unwrapped,
 * with no Markdown or HTML left and a single final newline.
 */
export function renderNoticeText(views: readonly DocumentView[]): string {
  if (views.length === 0) throw new Error('renderNoticeText needs at least one view');
  const multilingual = views.length > 1;
  const blocks = views.map((view) => {
    const paragraphs = noticeBlock(view);
    if (multilingual) paragraphs.unshift(`— ${view.languageName} —`);
    return paragraphs.join('\n\n');
  });
  const text = blocks.join('\n\n\n');
  // Values come from the log as plain text; keep them on their lines and free of stray white space,
  // and drop control characters (ESC sequences, CR, NUL) that could rewrite a terminal showing the
  // file and bidi overrides that reorder what a reader sees; Unicode line and paragraph separators
  // are line breaks.
  const clean = text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/(?![\n\t])\p{Cc}|[\u202a-\u202e\u2066-\u2069]/gu, '')
    .replace(/\p{Cs}/gu, '\ufffd');
  return `${clean
    .split('\n')
    .map(trimEndBlanks)
    .join('\n')
    .replace(/\n{4,}/g, '\n\n\n')
    .trimEnd()}\n`;
}

/**
 * `line` without the spaces and tabs at its end, found by one scan back from the end: the regex
 * `/[ \t]+$/gm` tries `+$` from every blank of a run and took quadratic time (a 40 kB run of
 * spaces in a contact took 10 s).
 */
function trimEndBlanks(line: string): string {
  let end = line.length;
  while (end > 0) {
    const code = line.charCodeAt(end - 1);
    if (code !== 32 && code !== 9) break;
    end--;
  }
  return end === line.length ? line : line.slice(0, end);
}
