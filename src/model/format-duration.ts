import { cachedListFormat } from '../locale/cached-list-format.js';
import type { Locale } from '../locale/types.js';

// Intl formatters are slow to create and safe to share; a batch formats thousands of durations.
const numbers = new Map<string, Intl.NumberFormat>();

function unitFormat(intl: string, unit: string): Intl.NumberFormat {
  let found = numbers.get(`${intl}|${unit}`);
  if (!found) {
    found = new Intl.NumberFormat(intl, { style: 'unit', unit, unitDisplay: 'long' });
    numbers.set(`${intl}|${unit}`, found);
  }
  return found;
}

/**
 * A duration in words of the locale: `20 hours`, `1 day, 4 hours and 30 minutes`, `20 jam`.
 * Rounded to the minute; seconds are shown only for durations under a minute.
 */
export function formatDuration(ms: number, locale: Locale): string {
  const total = Math.round(Math.abs(ms) / 60_000);
  const days = Math.floor(total / 1440);
  const hours = Math.floor((total % 1440) / 60);
  const minutes = total % 60;
  const unit = (value: number, name: 'day' | 'hour' | 'minute' | 'second') => unitFormat(locale.intl, name).format(value);
  const parts: string[] = [];
  if (days) parts.push(unit(days, 'day'));
  if (hours) parts.push(unit(hours, 'hour'));
  if (minutes) parts.push(unit(minutes, 'minute'));
  if (parts.length === 0) return unit(Math.round(Math.abs(ms) / 1000), total === 0 && ms !== 0 ? 'second' : 'minute');
  return cachedListFormat(locale.intl).format(parts);
}

/**
 * The duration between two times of a log in words. When either end is a day without a time
 * (`resolved: 2023-05-11`), the span is only known to the day, so it is given in whole days
 * (at least one) instead of hours counted to a midnight nobody wrote.
 */
export function formatSpan(ms: number, ends: readonly ({ dateOnly: boolean } | undefined)[], locale: Locale): string {
  if (!ends.some((end) => end?.dateOnly)) return formatDuration(ms, locale);
  return formatDuration(Math.max(1, Math.round(Math.abs(ms) / 86_400_000)) * 86_400_000, locale);
}
