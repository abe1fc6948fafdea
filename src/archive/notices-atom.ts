import type { LogTime } from '../log/types.js';
import type { ViewStore } from '../model/create-view-store.js';
import { markdownToText } from '../html/markdown.js';
import type { ArchiveEntry } from './archive-entries.js';
import type { ArchiveText } from './archive-text.js';
import { escapeXml } from '../html/escape-xml.js';
import { uuidFromName } from './uuid-from-name.js';

/** What the feed needs besides the entries. */
export interface NoticesAtomOptions {
  /** Where the notice views come from (shared with the documents in a render run). */
  views: ViewStore;
  text: ArchiveText;
  now: number;
  /** Absolute address of the output folder when published (ends in `/`); links are relative without it. */
  baseUrl?: string;
  /** Who publishes the notices (the feed's author). */
  publisher: string;
  version: string;
}

/** RFC 3339 as Atom wants it: the log's offset kept, milliseconds dropped. */
const rfc3339 = (iso: string) => iso.replace(/\.\d+(?=Z|[+-]\d\d:\d\d$)/, '');
const utc = (epoch: number) => new Date(epoch).toISOString().replace(/\.\d+Z$/, 'Z');

/** When a log's notice last changed: the log's `updated`, else its resolution or decision, else the latest time it names. */
function updatedOf(entry: ArchiveEntry, now: number): string {
  const log = entry.log;
  const time: LogTime | undefined =
    log.updated ??
    log.resolved ??
    log.decision?.at ??
    [log.window?.actualEnd, log.window?.end, log.window?.actualStart, log.window?.start, log.detected]
      .filter((t): t is LogTime => t !== undefined)
      .sort((a, b) => b.epoch - a.epoch)[0];
  return time ? rfc3339(time.iso) : utc(now);
}

/** The first paragraph of a text, cut at a word near `max` characters. */
function brief(text: string, max = 400): string {
  const first = text.split(/\n\s*\n/)[0] ?? '';
  const plain = markdownToText(first);
  if (plain.length <= max) return plain;
  const cut = plain.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 40))}…`;
}

/**
 * The user notices as an Atom 1.0 feed (RFC 4287): one entry per log, newest change first, with a
 * stable `urn:uuid:` id derived from the log's id, the time the notice last changed, the notice's title and a
 * plain summary in the log's primary language (its `xml:lang`), a link to `notice.html` (or the
 * log's archive page when no notice was rendered), and the notice in every language as escaped
 * HTML content, each version marked with its `lang`.
 */
export function noticesAtom(entries: readonly ArchiveEntry[], options: NoticesAtomOptions): string {
  const { text, baseUrl } = options;
  const scope = baseUrl ?? 'warta:archive';
  const items = entries
    .map((entry) => ({ entry, updated: updatedOf(entry, options.now) }))
    .sort((a, b) => Date.parse(b.updated) - Date.parse(a.updated) || a.entry.log.id.localeCompare(b.entry.log.id));
  const feedUpdated = items.reduce(
    (max, item) => (Date.parse(item.updated) > Date.parse(max) ? item.updated : max),
    items[0]?.updated ?? utc(options.now),
  );
  const out: string[] = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(text.lang)}"${baseUrl ? ` xml:base="${escapeXml(baseUrl)}"` : ''}>`,
    `  <id>urn:uuid:${uuidFromName(`${scope}:notices`)}</id>`,
    `  <title>${escapeXml(`${text.t('feed.title')} · ${options.publisher}`)}</title>`,
    `  <subtitle>${escapeXml(text.t('feed.subtitle'))}</subtitle>`,
    `  <updated>${feedUpdated}</updated>`,
    `  <author><name>${escapeXml(options.publisher)}</name></author>`,
    `  <generator version="${escapeXml(options.version)}">warta</generator>`,
    `  <link rel="self" type="application/atom+xml" href="notices.atom"/>`,
    `  <link rel="alternate" type="text/html" href="index.html"/>`,
  ];
  for (const { entry, updated } of items) {
    const log = entry.log;
    const primary = entry.primary;
    const langs = [primary, ...log.languages.filter((l) => l !== primary)];
    const views = langs.map((lang) => options.views.get(log, 'notice', lang));
    const first = views[0];
    if (!first) continue;
    const html = views
      .map((view) => {
        const when = view.when.map((f) => `<li><strong>${escapeXml(f.label)}:</strong> ${escapeXml(f.value)}</li>`).join('');
        const meaning = view.noticeHtml;
        const contacts = view.contacts.length
          ? `<p>${escapeXml(view.labels['notice.contactsIntro'] ?? '')}</p><ul>${view.contacts.map((c) => `<li>${escapeXml(c)}</li>`).join('')}</ul>`
          : '';
        return `<div lang="${escapeXml(view.lang)}">${views.length > 1 ? `<p><strong>${escapeXml(view.languageName)}</strong></p>` : ''}${when ? `<ul>${when}</ul>` : ''}${meaning}${contacts}</div>`;
      })
      .join('<hr/>');
    const summarySource =
      log.impact?.summary?.[primary] ??
      log.sections.summary?.text[primary]?.markdown ??
      Object.values(log.sections.summary?.text ?? {})[0]?.markdown ??
      '';
    const summary = brief(summarySource);
    const href = entry.documents.notice.html ? `${log.id}/${entry.documents.notice.html}` : `${log.id}/index.html`;
    const author = log.author ?? log.organization;
    out.push(
      `  <entry xml:lang="${escapeXml(primary)}">`,
      `    <id>urn:uuid:${uuidFromName(`${scope}:incident:${log.id}`)}</id>`,
      `    <title type="text">${escapeXml(first.title)}</title>`,
      `    <updated>${updated}</updated>`,
      ...(author ? [`    <author><name>${escapeXml(author)}</name></author>`] : []),
      `    <link rel="alternate" type="text/html" href="${escapeXml(href)}"/>`,
      ...log.tags.map((tag) => `    <category term="${escapeXml(tag)}"/>`),
      ...(summary ? [`    <summary type="text">${escapeXml(summary)}</summary>`] : []),
      `    <content type="html">${escapeXml(html)}</content>`,
      '  </entry>',
    );
  }
  out.push('</feed>', '');
  return out.join('\n');
}
