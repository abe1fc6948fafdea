import { resolveScannedTime, scanWrittenTime } from './read-written-time.js';
import type { Finding, LogTime, TimelineEvent } from './types.js';

/** Timeline events read from one language's timeline section, with the text that was not a dated item. */
export interface ParsedTimeline {
  events: TimelineEvent[];
  /** Markdown in the section that is not part of a dated item (an intro paragraph, say). */
  rest: string;
  findings: Omit<Finding, 'file'>[];
}

/** Most dated items one timeline may have; a real one has tens, a pasted server log has thousands. */
export const maxTimelineItems = 5000;

/** A list item's marker, and bold or a bracket around its time (`- **19:10** — …`, `- [19:10] …`). */
const itemStart = /^[-*+]\s+(\*\*|\[)?/;
/** What separates the time from the text: a dash of any kind or a colon, and the bold or bracket that closed the time. */
const separator = /^(?:\*\*|\])?\s*(?:[—–-]+|:)?\s*/;

/**
 * Reads dated list items from a timeline section: `- 2015-12-11 19:10 — text`, `- 19:10 — text`,
 * `- 1:00 PM — text`, `- 03:15 UTC — text`, `- ~14:00 — text` and days without a time
 * (`- 2022-04-08 — text`). The date carries over from the item before; the first item's date comes
 * from `defaultDate`. A time with a zone is converted from it; one without is read in `zone` (the
 * heading's zone, `## Timeline (UTC)`, else the log's). Indented lines continue the item above.
 * A time going backwards is a warning; a time that cannot be read is an error naming what to write.
 */
export function parseTimeline(
  markdown: string,
  firstLine: number,
  timezone: string,
  defaultDate: string | undefined,
  headingZone?: string,
): ParsedTimeline {
  const findings: ParsedTimeline['findings'] = [];
  const events: TimelineEvent[] = [];
  const rest: string[] = [];
  let date = defaultDate;
  let previous: LogTime | undefined;
  let current: TimelineEvent | undefined;
  let overLimit = false;
  const lines = markdown.split('\n');
  lines.forEach((raw, index) => {
    const line = firstLine + index;
    const start = itemStart.exec(raw);
    const scanned = start ? scanWrittenTime(raw.slice(start[0].length)) : undefined;
    if (start && scanned && events.length >= maxTimelineItems) {
      if (!overLimit) {
        findings.push({
          line,
          column: 1,
          severity: 'error',
          rule: 'timeline/too-long',
          message: `the timeline has more than ${maxTimelineItems} dated items (this is item ${maxTimelineItems + 1}); expected at most ${maxTimelineItems}: keep the events a reader needs and link to the raw log`,
        });
      }
      overLimit = true;
      current = undefined;
      return;
    }
    if (start && scanned) {
      const written = raw.slice(start[0].length, start[0].length + scanned.length).trim();
      if (scanned.date) date = scanned.date;
      if (!date) {
        findings.push({
          line,
          column: 3,
          severity: 'error',
          rule: 'timeline/no-date',
          message: `timeline item "${raw.trim().slice(0, 40)}" has a time but no date, and the log has no window.start or detected to take it from; expected "- 2015-12-11 ${written} — text"`,
        });
        current = undefined;
        return;
      }
      if (scanned.unknownZone) {
        findings.push({
          line,
          column: start[0].length + scanned.length + 2,
          severity: 'warning',
          rule: 'timeline/zone',
          message: `"${scanned.unknownZone}" after ${written} is not a zone warta knows, so it is kept as text and the time is read in ${headingZone ?? timezone}; expected UTC, an offset such as +07:00, or WIB, PST, CET …`,
        });
      }
      const resolved = resolveScannedTime(
        { ...scanned, zone: scanned.zone ?? (scanned.hour === undefined ? undefined : headingZone) },
        timezone,
        date,
      );
      if ('problem' in resolved) {
        findings.push({
          line,
          column: start[0].length + 1,
          severity: 'error',
          rule: 'timeline/time',
          message: `timeline item "${written}": ${resolved.problem}; expected "- 2015-12-11 19:10 — text"`,
        });
        current = undefined;
        return;
      }
      const at = resolved.time;
      const sameDayOrEarlier =
        previous && (at.dateOnly || previous.dateOnly) ? dayKey(at) < dayKey(previous) : previous && at.epoch < previous.epoch;
      if (previous && sameDayOrEarlier) {
        findings.push({
          line,
          column: 3,
          severity: 'warning',
          rule: 'timeline/order',
          message: `timeline goes back in time (${at.iso.slice(0, at.dateOnly ? 10 : 16)} after ${previous.iso.slice(0, previous.dateOnly ? 10 : 16)}); expected items in order, or a new date on the item after midnight`,
        });
      }
      previous = at;
      const after = raw.slice(start[0].length + scanned.length);
      const sep = separator.exec(after)?.[0] ?? '';
      current = { at, text: after.slice(sep.length).trim(), line };
      events.push(current);
      return;
    }
    if (current && raw.trim() !== '' && /^\s{2,}\S/.test(raw)) {
      current.text += `\n${raw.trim()}`;
      return;
    }
    if (/^[-*+]\s+/.test(raw)) {
      findings.push({
        line,
        column: 1,
        severity: 'warning',
        rule: 'timeline/undated-item',
        message: `timeline item "${raw.trim().slice(0, 40)}" does not start with a time; expected "- 19:10 — text" (it is shown as text under the timeline)`,
      });
    }
    current = raw.trim() === '' ? current : undefined;
    rest.push(raw);
  });
  return { events, rest: rest.join('\n').trim(), findings };
}

/** The calendar day a time was written for, to compare days without a time. */
function dayKey(time: LogTime): string {
  return time.iso.slice(0, 10);
}
