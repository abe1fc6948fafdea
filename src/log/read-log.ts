import { basename, extname } from 'node:path';
import type { Locales } from '../locale/types.js';
import { checkBlamefulLanguage } from './check-blameful-language.js';
import { checkFrontMatter } from './check-front-matter.js';
import { normalizeLog, slugify } from './normalize-log.js';
import { parseActionItems } from './parse-action-items.js';
import { positionOf } from './position-of.js';
import { parseBody } from './parse-body.js';
import { parseFrontMatter } from './parse-front-matter.js';
import { parseTimeline } from './parse-timeline.js';
import { readLogText } from './read-log-text.js';
import { splitFrontMatter } from './split-front-matter.js';
import type { Finding, IncidentLog, LoadResult, LogDefaults, TimelineEvent } from './types.js';
import { printable } from './printable.js';

/** Options for reading a log. */
export interface LoadLogOptions {
  /** Locales available to the run: they give the section headings and the languages a log may use. */
  locales: Locales;
  /** The log's text, when it is already in memory (the file is then not read). */
  text?: string;
  /** Values for keys the log leaves out (from warta.config.yaml). */
  defaults?: LogDefaults;
}

/**
 * Reads one incident log: front matter checked against the format, body cut into sections and
 * timeline events. Never throws for a bad log: what is wrong comes back as findings, and `log`
 * is set only when nothing stops it from being rendered.
 */
export function readLog(file: string, options: LoadLogOptions): LoadResult {
  let result: LoadResult;
  try {
    result = readAndCheck(file, options);
  } catch (error) {
    // A bug, not the log's fault; still a finding (exit 1) rather than a crash that stops the whole run.
    const reason = error instanceof RangeError ? 'it is too large or too deeply nested to read' : (error as Error).message;
    result = {
      file,
      findings: [
        {
          file,
          line: 1,
          column: 1,
          severity: 'error',
          rule: 'internal/error',
          message: `warta could not read this log: ${reason}; please report this with the log`,
        },
      ],
    };
  }
  return { ...result, findings: limitFindings(result.findings.map(cleanFinding)) };
}

/** Most findings reported for one log; past that the rest is summed up in one. */
export const maxFindings = 1000;

/**
 * A finding safe to print: its message on one line with control characters (ESC sequences, CR, NUL,
 * bidi overrides, lone surrogates) shown as `\u001b`-style escapes, and its position at least 1:1.
 */
function cleanFinding(finding: Finding): Finding {
  const message = printable(finding.message, { keepTabs: true });
  const line = Number.isFinite(finding.line) ? Math.max(1, Math.trunc(finding.line)) : 1;
  const column = Number.isFinite(finding.column) ? Math.max(1, Math.trunc(finding.column)) : 1;
  return { ...finding, message, line, column };
}

function limitFindings(findings: Finding[]): Finding[] {
  if (findings.length <= maxFindings) return findings;
  const kept = findings.slice(0, maxFindings);
  const rest = findings.slice(maxFindings);
  const errors = rest.filter((f) => f.severity === 'error').length;
  const first = rest[0] as Finding;
  kept.push({
    file: first.file,
    line: first.line,
    column: first.column,
    severity: errors > 0 ? 'error' : 'warning',
    rule: 'log/too-many-findings',
    message: `${rest.length} more finding(s) from here on are not shown (${errors} error(s)); expected at most ${maxFindings} per log: fix the ones above and validate again`,
  });
  return kept;
}

function readAndCheck(file: string, options: LoadLogOptions): LoadResult {
  const findings: Finding[] = [];
  const push = (list: Omit<Finding, 'file'>[]) => findings.push(...list.map((f) => ({ file, ...f })));
  const fail = () => ({ file, findings: sortFindings(findings) });

  let text = options.text;
  if (text === undefined) {
    const read = readLogText(file);
    if ('problem' in read) {
      push([{ line: read.line, column: 1, severity: 'error', rule: read.rule, message: read.problem }]);
      return fail();
    }
    text = read.text;
  } else {
    text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  }

  const split = splitFrontMatter(text);
  if ('rule' in split) {
    push([{ line: split.line, column: 1, severity: 'error', rule: split.rule, message: split.message }]);
    return fail();
  }
  const parsed = parseFrontMatter(split.yaml);
  push(parsed.findings);
  if (parsed.findings.length > 0) return fail();

  const available = [...options.locales.keys()];
  const checked = checkFrontMatter(parsed.data, parsed.doc, parsed.lineCounter, available, options.defaults);
  push(checked.findings);
  if (!checked.value) return fail();

  const head = normalizeLog(checked.value, file, slugify(basename(file, extname(file))), options.defaults);
  if (checked.value.id !== undefined) head.idLine = positionOf(parsed.doc, parsed.lineCounter, ['id'], { key: true }).line;
  const body = parseBody(split.body, split.bodyLine, head.languages, options.locales);
  push(body.findings);

  const defaultDate = (head.window?.start ?? head.window?.actualStart ?? head.started ?? head.detected)?.iso.slice(0, 10);
  const timeline: Record<string, TimelineEvent[]> = {};
  for (const [lang, section] of Object.entries(body.sections.timeline?.text ?? {})) {
    const result = parseTimeline(section.markdown, section.markdownLine, head.timezone, defaultDate, section.zone);
    push(result.findings);
    timeline[lang] = result.events;
    section.markdown = result.rest;
  }

  // Lists under an action heading are actions, paired across languages by their order.
  const listed = Object.entries(body.sections.actions?.text ?? {}).map(([lang, section]) => {
    const result = parseActionItems(section.markdown, section.markdownLine, head.timezone);
    push(result.findings);
    section.markdown = result.rest;
    return { lang, items: result.items };
  });
  const lead = listed.find((l) => l.lang === head.languages[0]) ?? listed[0];
  // An action both in the front matter and in the list is kept once: the front matter's, which says more.
  const inFrontMatter = head.actions.flatMap((action) => Object.values(action.title).map(sameAction));
  lead?.items.forEach((item, i) => {
    const key = sameAction(item.title);
    const twin = inFrontMatter.find((known) => known.startsWith(key) || key.startsWith(known));
    if (twin !== undefined && Math.min(twin.length, key.length) >= 12) {
      push([
        {
          line: item.line,
          column: 1,
          severity: 'warning',
          rule: 'actions/duplicate',
          message: `action "${item.title.slice(0, 40)}" is also in the front matter's actions; it is listed once (expected each action in one place)`,
        },
      ]);
      return;
    }
    const title: Record<string, string> = {};
    const ownerName: Record<string, string> = {};
    for (const { lang, items } of listed) {
      const text = items[i]?.title;
      if (text) title[lang] = text;
      const owner = items[i]?.owner;
      if (owner) ownerName[lang] = owner;
    }
    head.actions.push({
      title,
      owner: item.owner,
      ...(item.owner ? { ownerName } : {}),
      due: item.due,
      status: item.done ? 'done' : 'open',
    });
  });
  if (body.sections.actions && Object.values(body.sections.actions.text).every((t) => t.markdown === '')) delete body.sections.actions;

  // A section missing in a language falls back to the primary one; say so.
  const primary = head.languages[0] as string;
  for (const section of [...Object.values(body.sections), ...body.customSections]) {
    const lead = section.text[primary] ?? Object.values(section.text)[0];
    if (!lead) continue;
    for (const lang of head.languages) {
      if (section.text[lang]) continue;
      push([
        {
          line: lead.line,
          column: 1,
          severity: 'warning',
          rule: 'translation/missing-section',
          message: `section "${lead.heading || section.key}" has no "${lang}" version; the ${Object.keys(section.text)[0]} text is shown in the ${lang} documents (expected a heading in ${lang}, or one marked {lang=${lang}})`,
        },
      ]);
    }
  }

  findings.push(...checkBlamefulLanguage([...Object.values(body.sections), ...body.customSections], file));

  const log: IncidentLog = { ...head, sections: body.sections, customSections: body.customSections, timeline };
  const blocked = findings.some((f) => f.severity === 'error');
  return { file, log: blocked ? undefined : log, findings: sortFindings(findings) };
}

/** An action title folded for comparison: lowercase letters and digits only. */
function sameAction(title: string): string {
  return title.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}
