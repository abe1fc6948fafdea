import { parseLogTime } from './parse-log-time.js';
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

const itemPattern =
  /^[-*+]\s+(?:\*\*)?(?:(\d{4}-\d{2}-\d{2})[ T])?(\d{1,2})[:.](\d{2})(?::(\d{2}))?(Z|[+-]\d{2}:?\d{2})?(?:\*\*)?(?:\s+[A-Z]{2,5}(?=\s*[—–-]))?\s*(?:[—–-]+|:)?\s*/;

/**
 * Reads dated list items (`- 2015-12-11 19:10 — text`, `- 19:10 — text`) from a timeline section.
 * The date carries over from the item before; the first item's date comes from `defaultDate`.
 * Indented lines continue the item above. A time going backwards on one date is a warning.
 */
export function parseTimeline(markdown: string, firstLine: number, timezone: string, defaultDate: string | undefined): ParsedTimeline {
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
    const match = itemPattern.exec(raw);
    if (match && events.length >= maxTimelineItems) {
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
    if (match) {
      const [whole, day, hour, minute, second, offset] = match;
      if (day) date = day;
      if (!date) {
        findings.push({
          line,
          column: 3,
          severity: 'error',
          rule: 'timeline/no-date',
          message: `timeline item "${raw.trim().slice(0, 40)}" has a time but no date, and the log has no window.start or detected to take it from; expected "- 2015-12-11 ${hour}:${minute} — text"`,
        });
        current = undefined;
        return;
      }
      const text = `${date}T${hour?.padStart(2, '0')}:${minute}${second ? `:${second}` : ''}${offset ?? ''}`;
      const at = parseLogTime(text, timezone);
      if (!at) {
        findings.push({
          line,
          column: 3,
          severity: 'error',
          rule: 'timeline/time',
          message: `timeline item time "${date} ${hour}:${minute}" is not a valid date and time; expected "- 2015-12-11 19:10 — text"`,
        });
        current = undefined;
        return;
      }
      if (previous && at.epoch < previous.epoch) {
        findings.push({
          line,
          column: 3,
          severity: 'warning',
          rule: 'timeline/order',
          message: `timeline goes back in time (${at.iso.slice(0, 16)} after ${previous.iso.slice(0, 16)}); expected items in order, or a new date on the item after midnight`,
        });
      }
      previous = at;
      current = { at, text: raw.slice(whole.length).trim(), line };
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
