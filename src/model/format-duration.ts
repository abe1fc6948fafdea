import type { Locale } from '../locale/types.js';

/**
 * A duration in words of the locale: `20 hours`, `1 day, 4 hours and 30 minutes`, `20 jam`.
 * Rounded to the minute; seconds are shown only for durations under a minute.
 */
export function formatDuration(ms: number, locale: Locale): string {
  const total = Math.round(Math.abs(ms) / 60_000);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  const unit = (value: number, name: 'day' | 'hour' | 'minute' | 'second') =>
    new Intl.NumberFormat(locale.intl, { style: 'unit', unit: name, unitDisplay: 'long' }).format(value);
  const parts: string[] = [];
  if (days) parts.push(unit(days, 'day'));
  if (hours) parts.push(unit(hours, 'hour'));
  if (minutes) parts.push(unit(minutes, 'minute'));
  if (parts.length === 0) return unit(Math.round(Math.abs(ms) / 1000), total === 0 && ms !== 0 ? 'second' : 'minute');
  return new Intl.ListFormat(locale.intl, { type: 'conjunction', style: 'long' }).format(parts);
}
