import { DateTime } from 'luxon';
import type { LogTime } from './types.js';

/** The forms a log time may take; the calendar is checked separately. */
export const timePattern =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?:[T ]([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,3})?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/** True when the text is a date or date-time the log format accepts (the calendar is checked too). */
export function isLogTimeText(text: string): boolean {
  return parseLogTime(text, 'UTC') !== undefined;
}

/**
 * Reads a log time: `2015-12-11`, `2015-12-11T19:00`, `2015-12-11 19:00:30`, optionally with `Z` or
 * an offset. Times without an offset are read in `zone`; times with one keep it.
 * Returns undefined when the text is not such a time or names a day that does not exist.
 */
export function parseLogTime(text: string, zone: string): LogTime | undefined {
  const match = timePattern.exec(text.trim());
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s, offset] = match;
  const dateOnly = h === undefined;
  const hour = Number(h ?? 0);
  if (hour > 23) return undefined;
  const parts = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour,
    minute: Number(mi ?? 0),
    second: Number(s ?? 0),
  };
  let value: DateTime;
  if (offset) {
    const fixed = offset === 'Z' ? 'UTC' : `UTC${offset.slice(0, 3)}:${offset.slice(-2)}`;
    value = DateTime.fromObject(parts, { zone: fixed });
  } else {
    value = DateTime.fromObject(parts, { zone });
  }
  if (!value.isValid) return undefined;
  // Luxon moves impossible days (Feb 30) forward; a round trip tells them apart.
  if (value.day !== parts.day || value.month !== parts.month) return undefined;
  return {
    iso: value.toISO() ?? '',
    epoch: value.toMillis(),
    zone: value.zoneName ?? zone,
    dateOnly,
  };
}
