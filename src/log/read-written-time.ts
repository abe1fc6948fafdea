import { DateTime } from 'luxon';
import { gmtName, zoneAbbreviations, zoneName } from '../locale/zone-names.js';
import type { LogTime } from './types.js';

/** A time as it was written, before it is placed in a zone: what {@link scanWrittenTime} found. */
export interface ScannedTime {
  /** `YYYY-MM-DD` when a date was written. */
  date?: string;
  /** 0–23 once AM/PM is applied; undefined for a date alone. */
  hour?: number;
  minute?: number;
  second?: number;
  millisecond?: number;
  /** True after `~`, `ca.`, `circa`, `approx.`, `around`, `sekitar` …: the author was not sure of the minute. */
  approx: boolean;
  /** The zone written after the time (`UTC`, `Z`, `+07:00`, `WIB`, `PDT`), as written. */
  zone?: string;
  /** A word after the time that looked like a zone but is none warta knows. */
  unknownZone?: string;
  /** How many characters of the text the time took. */
  length: number;
  /** What was wrong with the time itself (`13:00 PM`), when something was. */
  problem?: string;
}

const approxWords = /(?:~|±|ca\.?|circa|approx\.?|approximately|around|about|sekitar|kira-kira|kurang lebih)\s*/iy;
const datePart = /(\d{4})-(\d{2})-(\d{2})/y;
const clockPart = /(\d{1,2})(?:[:.](\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?/y;
const meridiem = /\s?([AaPp])\.?[Mm]\.?(?![A-Za-z])/y;
const offsetZone = /(?:(UTC|GMT)\s?)?([+-−])(\d{1,2})(?::?(\d{2}))?(?![\d:])/y;
const wordZone = /([A-Z]{1,5})(?![A-Za-z])/y;
const generalZones: Readonly<Record<string, string>> = {
  PT: 'America/Los_Angeles',
  MT: 'America/Denver',
  CT: 'America/Chicago',
  ET: 'America/New_York',
};

/** Runs a sticky pattern at `at`; the match or null. */
function at(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(text);
}

/**
 * Reads a time as people write it at the start of `text`: an optional approximation word, a date
 * (`2015-12-11`), a time (`19:10`, `19.10`, `7:10 PM`, `12:05 am`, `19:10:30`) after `T` or a space,
 * and a zone (`Z`, `UTC`, `+07:00`, `GMT+7`, `WIB`, `PDT` …). `timeRequired: false` lets a date
 * stand alone. Undefined when the text does not start with a time. Runs in time linear in the text.
 */
export function scanWrittenTime(text: string, options: { dateRequired?: boolean } = {}): ScannedTime | undefined {
  let index = 0;
  const result: ScannedTime = { approx: false, length: 0 };
  const approx = at(approxWords, text, index);
  if (approx) {
    result.approx = true;
    index += approx[0].length;
  }
  const date = at(datePart, text, index);
  if (date) {
    result.date = `${date[1]}-${date[2]}-${date[3]}`;
    index += date[0].length;
    const next = text[index];
    const digitFollows = /\d/.test(text[index + 1] ?? '') || (next === ' ' && /\d/.test(text[index + 1] ?? ''));
    if ((next === 'T' || next === ' ') && digitFollows) index += 1;
    else {
      result.length = index;
      return scanZone(text, index, result);
    }
  } else if (options.dateRequired) return undefined;
  const clock = at(clockPart, text, index);
  if (!clock) {
    if (!result.date) return undefined;
    result.length = index;
    return result;
  }
  const [whole, h, mi, s, ms] = clock;
  const ampm = at(meridiem, text, index + whole.length);
  // A bare number is a time only with AM/PM after it ("1 PM"), never in "- 3 servers failed".
  if (mi === undefined && !ampm) {
    if (!result.date) return undefined;
    result.length = index;
    return result;
  }
  index += whole.length;
  let hour = Number(h);
  if (ampm) {
    index += ampm[0].length;
    const pm = ampm[1]?.toLowerCase() === 'p';
    if (hour < 1 || hour > 12)
      result.problem = `${h}:${mi ?? '00'} ${pm ? 'PM' : 'AM'} mixes a 24-hour time with ${pm ? 'PM' : 'AM'}; 12-hour times go from 1 to 12 (expected ${hour === 0 ? `12:${mi ?? '00'} AM` : `${hour}:${mi ?? '00'}`})`;
    else hour = (hour % 12) + (pm ? 12 : 0);
  }
  result.hour = hour;
  result.minute = Number(mi ?? 0);
  if (s !== undefined) result.second = Number(s);
  if (ms !== undefined) result.millisecond = Number(ms.padEnd(3, '0'));
  result.length = index;
  return scanZone(text, index, result);
}

/** Adds the zone written right after the time, if any. */
function scanZone(text: string, index: number, result: ScannedTime): ScannedTime {
  if (text[index] === 'Z' && !/[A-Za-z]/.test(text[index + 1] ?? '')) {
    result.zone = 'Z';
    result.length = index + 1;
    return result;
  }
  const space = text[index] === ' ' ? 1 : 0;
  const paren = text[index + space] === '(' ? 1 : 0;
  const start = index + space + paren;
  const offset = at(offsetZone, text, start);
  // "-" after a time with a space before it is the item's dash, not an offset: "19:10 - text".
  if (offset && !(space && !offset[1] && /\s/.test(text[start + offset[0].length] ?? ' ') && offset[3]?.length === 1)) {
    result.zone = offset[0].replace('−', '-').replace(/\s/g, '');
    return closeParen(text, start + offset[0].length, paren, result);
  }
  const word = at(wordZone, text, start);
  if (word && (space || paren)) {
    const token = word[1] as string;
    const afterWord = start + word[0].length;
    if (zoneAbbreviations[token] || generalZones[token]) {
      result.zone = token;
      return closeParen(text, afterWord, paren, result);
    }
    // An unknown capitalised word counts as a would-be zone only right before the item's dash: "14:00 DNS — …" keeps DNS as text.
    if (token.length >= 2 && /^\s*[—–-]/.test(text.slice(afterWord, afterWord + 3)) && !paren) result.unknownZone = token;
  }
  return result;
}

function closeParen(text: string, index: number, paren: number, result: ScannedTime): ScannedTime {
  if (paren && text[index] !== ')') {
    delete result.zone;
    return result;
  }
  result.length = index + paren;
  return result;
}

/** A zone the time was written in: a fixed offset in minutes, or an IANA zone (PT, ET). */
type WrittenZone = { offset: number; token: string } | { zone: string; token: string };

/**
 * The zone a written zone stands for, given the log's own zone: an abbreviation with several
 * meanings (IST, CST, BST, EST …) is read only when the log's zone settles it, else it is a problem
 * that names the IANA zones to write instead.
 */
export function resolveWrittenZone(token: string, logZone: string, epochGuess: number): WrittenZone | { problem: string } {
  if (token === 'Z') return { offset: 0, token };
  const offset = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(token);
  if (offset) {
    const hours = Number(offset[2]);
    const minutes = Number(offset[3] ?? 0);
    if (hours > 14 || minutes > 59) return { problem: `"${token}" is not an offset from UTC; expected one from -12:00 to +14:00` };
    return { offset: (offset[1] === '-' ? -1 : 1) * (hours * 60 + minutes), token };
  }
  const general = generalZones[token];
  if (general) return { zone: general, token };
  const meanings = zoneAbbreviations[token];
  if (!meanings || meanings.length === 0) return { problem: `"${token}" is not a zone warta knows` };
  if (meanings.length === 1) return { offset: (meanings[0] as { offset: number }).offset, token };
  // The log's own zone settles it: its readers' name for it, or an American zone for EST/CST/AST.
  if (zoneName(logZone, epochGuess) === token) return { zone: logZone, token };
  const settled =
    meanings.find((m) => m.zone === logZone) ??
    (logZone.startsWith('America/') ? meanings.find((m) => m.zone.startsWith('America/')) : undefined);
  if (settled) return { offset: settled.offset, token };
  const options = meanings.map((m) => `${m.zone} (${m.name}, ${gmtName(m.offset).replace('GMT', 'UTC')})`).join(', ');
  return {
    problem: `"${token}" has several meanings (${options}) and the log's timezone ${logZone} does not say which; expected an offset such as ${formatOffset(meanings[0]?.offset ?? 0)}, or the zone's IANA name in timezone:`,
  };
}

/** `+05:30` for 330 minutes. */
export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * Places a scanned time in time: a time with a zone is converted from it, one without is read in
 * the log's zone. A problem (a day that does not exist, an ambiguous zone) comes back as text for
 * a finding; nothing written is ever dropped silently.
 */
export function resolveScannedTime(scanned: ScannedTime, logZone: string, fallbackDate?: string): { time: LogTime } | { problem: string } {
  if (scanned.problem) return { problem: scanned.problem };
  const date = scanned.date ?? fallbackDate;
  if (!date) return { problem: 'the date is missing' };
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const dateOnly = scanned.hour === undefined;
  if ((scanned.hour ?? 0) > 23 || (scanned.minute ?? 0) > 59) {
    const written = `${scanned.hour ?? 0}:${String(scanned.minute ?? 0).padStart(2, '0')}`;
    return {
      problem: `${written} is not a time of day; expected 00:00 to 23:59${scanned.hour === 24 ? ' (24:00 is 00:00 of the next day)' : ''}`,
    };
  }
  const parts = {
    year,
    month,
    day,
    hour: scanned.hour ?? 0,
    minute: scanned.minute ?? 0,
    second: scanned.second ?? 0,
    millisecond: scanned.millisecond ?? 0,
  };
  const guess = DateTime.fromObject(parts, { zone: logZone });
  if (!guess.isValid || guess.day !== day || guess.month !== month) {
    const days = DateTime.fromObject({ year, month: Math.min(Math.max(month, 1), 12) }).daysInMonth;
    return {
      problem:
        month < 1 || month > 12
          ? `${date} has no month ${month}; expected YYYY-MM-DD with the month from 01 to 12`
          : `expected a date and time that exists: ${date} is not a day of the calendar (${DateTime.fromObject({ year, month }).toFormat('MMMM yyyy')} has ${days} days)`,
    };
  }
  let value: DateTime = guess;
  let written: string | undefined;
  if (scanned.zone && !dateOnly) {
    const zone = resolveWrittenZone(scanned.zone, logZone, guess.toMillis());
    if ('problem' in zone) return zone;
    value =
      'offset' in zone
        ? DateTime.fromObject(parts, { zone: zone.offset === 0 ? 'UTC' : `UTC${formatOffset(zone.offset)}` })
        : DateTime.fromObject(parts, { zone: zone.zone });
    if (zoneName(logZone, value.toMillis()) !== zone.token || value.offset !== guess.offset) written = zone.token;
  }
  return {
    time: {
      iso: value.toISO() ?? '',
      epoch: value.toMillis(),
      zone: value.zoneName ?? logZone,
      dateOnly,
      ...(scanned.approx ? { approx: true } : {}),
      ...(written ? { written } : {}),
    },
  };
}

/** Forms people write that are not times of the format, with what to write instead. */
function explainNotATime(text: string): string {
  const slashed = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:[ T,]+(.+))?$/.exec(text);
  if (slashed) {
    const [, a, b, year, rest] = slashed;
    const [first, second] = [Number(a), Number(b)];
    const time = rest ? `T${rest.trim()}` : '';
    if (first > 12 && second <= 12)
      return `expected year-month-day: ${year}-${String(second).padStart(2, '0')}-${String(first).padStart(2, '0')}${time}`;
    if (second > 12 && first <= 12)
      return `expected year-month-day: ${year}-${String(first).padStart(2, '0')}-${String(second).padStart(2, '0')}${time}`;
    return `expected year-month-day, such as ${year}-12-31T09:37 (${a}/${b} could be either day/month or month/day)`;
  }
  if (scanWrittenTime(text)?.hour !== undefined && !/^\d{4}/.test(text))
    return 'the date is missing; expected it before the time, such as 2024-12-31T09:37';
  return 'expected a date and time such as 2015-12-11T19:00, 2015-12-11 19:00, 2015-12-11 7:00 PM or 2015-12-11T19:00+07:00';
}

/**
 * Reads a whole front-matter time (`detected: 2024-03-05 14:30 UTC`): the text must be one time and
 * nothing else. Gives the time, or one problem that says what was found and what to write.
 */
export function readWrittenTime(text: string, logZone: string): { time: LogTime } | { problem: string } {
  const trimmed = text.trim();
  const scanned = scanWrittenTime(trimmed);
  if (scanned?.length !== trimmed.length || !scanned.date || scanned.unknownZone) {
    if (scanned?.date && scanned.length < trimmed.length) {
      const rest = trimmed.slice(scanned.length).trim();
      const word = /^[A-Za-z]{2,6}$/.test(rest)
        ? `"${rest}" is not a zone warta knows; expected UTC, an offset such as +07:00, or WIB, PST, CET …`
        : undefined;
      if (word) return { problem: `found "${clip(trimmed)}": ${word}` };
    }
    return { problem: `found "${clip(trimmed)}"; ${explainNotATime(trimmed)}` };
  }
  const resolved = resolveScannedTime(scanned, logZone);
  if ('problem' in resolved)
    return { problem: `found "${clip(trimmed)}"${resolved.problem.startsWith('expected') ? ';' : ':'} ${resolved.problem}` };
  return resolved;
}

const clip = (text: string) => (text.length > 60 ? `${text.slice(0, 57)}...` : text);
