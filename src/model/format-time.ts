import type { Locale } from '../locale/types.js';
import type { LogTime } from '../log/types.js';

/** How much of a time to show. */
export type TimeStyle = 'full' | 'date' | 'day' | 'time' | 'short';

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(intl: string, zone: string, style: TimeStyle): Intl.DateTimeFormat {
  const key = `${intl}|${zone}|${style}`;
  let found = formatters.get(key);
  if (!found) {
    const options: Intl.DateTimeFormatOptions =
      // Explicit fields, not dateStyle: ICU's Indonesian 'full' pads the day ("05 Januari").
      style === 'full'
        ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
        : style === 'date'
          ? { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }
          : style === 'day'
            ? { day: 'numeric', month: 'short', year: 'numeric' }
            : style === 'short'
              ? { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }
              : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    found = new Intl.DateTimeFormat(intl, { ...options, timeZone: zone });
    formatters.set(key, found);
  }
  return found;
}

/** The timezone's abbreviation for readers of the locale: the locale's own table first (WIB), then Intl's. */
export function zoneAbbreviation(locale: Locale, zone: string, epoch: number): string {
  const own = locale.timezones[zone];
  if (own) return own;
  const key = `${locale.intl}|${zone}|zone`;
  let names = formatters.get(key);
  if (!names) {
    names = new Intl.DateTimeFormat(locale.intl, { timeZone: zone, timeZoneName: 'short' });
    formatters.set(key, names);
  }
  const part = names.formatToParts(new Date(epoch)).find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

/**
 * A log time in words of the locale, in the log's timezone with its abbreviation, e.g.
 * `Jumat, 11 Desember 2015 pukul 19.10 WIB` or `Friday, 11 December 2015 at 19:10 WIB`.
 */
export function formatTime(time: LogTime, locale: Locale, zone: string, style: TimeStyle = 'full'): string {
  if (style === 'day') return formatter(locale.intl, zone, 'day').format(new Date(time.epoch));
  if (time.dateOnly && style !== 'time') return formatter(locale.intl, zone, 'date').format(new Date(time.epoch));
  const text = formatter(locale.intl, zone, style).format(new Date(time.epoch));
  return style === 'date' ? text : `${text} ${zoneAbbreviation(locale, zone, time.epoch)}`;
}

/** Calendar day of a time in a zone, `YYYY-MM-DD`, to tell whether two times share a day. */
export function dayOf(time: LogTime, zone: string): string {
  const key = `en-CA|${zone}|day-key`;
  let days = formatters.get(key);
  if (!days) {
    days = new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(key, days);
  }
  return days.format(new Date(time.epoch));
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
