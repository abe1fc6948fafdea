import type { Locale } from '../locale/types.js';
import type { LogTime } from '../log/types.js';
import { cachedDateFormat } from '../locale/cached-date-format.js';
import { zoneName } from '../locale/zone-names.js';

/** How much of a time to show. */
export type TimeStyle = 'full' | 'date' | 'day' | 'time' | 'short';

// Explicit fields, not dateStyle: ICU's Indonesian 'full' pads the day ("05 Januari").
const styles: Record<TimeStyle, Intl.DateTimeFormatOptions> = {
  full: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  date: { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' },
  day: { day: 'numeric', month: 'short', year: 'numeric' },
  short: { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
  time: { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
};

function formatter(intl: string, zone: string, style: TimeStyle): Intl.DateTimeFormat {
  return cachedDateFormat(intl, { ...styles[style], timeZone: zone });
}

/**
 * The timezone's abbreviation for readers of the locale: the locale's own table first (WIB), then
 * the name readers use at that instant (PST or PDT, CET or CEST, AEST, IST, JST …), `GMT+x` only
 * where a zone has no name.
 */
export function zoneAbbreviation(locale: Locale, zone: string, epoch: number): string {
  return locale.timezones[zone] ?? zoneName(zone, epoch);
}

/**
 * A log time in words of the locale, in the log's timezone with its abbreviation, e.g.
 * `Jumat, 11 Desember 2015 pukul 19.10 WIB` or `Friday, 11 December 2015 at 19:10 WIB`.
 */
export function formatTime(time: LogTime, locale: Locale, zone: string, style: TimeStyle = 'full'): string {
  if (style === 'day') return formatter(locale.intl, zone, 'day').format(new Date(time.epoch));
  // A day without a time has no clock to show: never "00:00".
  if (time.dateOnly) return style === 'time' ? '' : formatter(locale.intl, zone, 'date').format(new Date(time.epoch));
  const text = formatter(locale.intl, zone, style).format(new Date(time.epoch));
  if (style === 'date') return text;
  // An approximate time says so: "~14:00".
  return `${time.approx ? '~' : ''}${text} ${zoneAbbreviation(locale, zone, time.epoch)}`;
}

/** Calendar day of a time in a zone, `YYYY-MM-DD`, to tell whether two times share a day. */
export function dayOf(time: Pick<LogTime, 'epoch'>, zone: string): string {
  return cachedDateFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(time.epoch));
}

/** A window `start – end`, leaving out the end's date when it falls on the start's day. */
export function formatWindow(start: LogTime | undefined, end: LogTime | undefined, locale: Locale, zone: string): string | undefined {
  if (!start && !end) return undefined;
  if (start && !end) return formatTime(start, locale, zone);
  if (!start && end) return `– ${formatTime(end, locale, zone)}`;
  const a = start as LogTime;
  const b = end as LogTime;
  if (dayOf(a, zone) === dayOf(b, zone) && !a.dateOnly && !b.dateOnly) {
    const startText = formatter(locale.intl, zone, 'full').format(new Date(a.epoch));
    return `${startText} – ${formatTime(b, locale, zone, 'time')}`;
  }
  const startText = a.dateOnly ? formatTime(a, locale, zone) : formatter(locale.intl, zone, 'full').format(new Date(a.epoch));
  return `${startText} – ${formatTime(b, locale, zone)}`;
}
