import { describe, expect, it } from 'vitest';
import { formatDuration } from '../../src/model/format-duration.js';
import { formatTime, formatWindow, zoneAbbreviation } from '../../src/model/format-time.js';
import { parseLogTime } from '../../src/log/parse-log-time.js';
import type { Locale } from '../../src/locale/types.js';
import { locales } from '../helpers.js';

const id = locales.get('id') as Locale;
const en = locales.get('en') as Locale;
const at = (text: string, zone: string) => {
  const time = parseLogTime(text, zone);
  if (!time) throw new Error(`bad time ${text}`);
  return time;
};

describe('formatTime', () => {
  it('spells a time in Indonesian with WIB, as people there write it', () => {
    expect(formatTime(at('2015-12-11T19:10', 'Asia/Jakarta'), id, 'Asia/Jakarta')).toBe('Jumat, 11 Desember 2015 pukul 19.10 WIB');
    expect(formatTime(at('2024-01-05T08:00', 'Asia/Jakarta'), id, 'Asia/Jakarta')).toBe('Jumat, 5 Januari 2024 pukul 08.00 WIB');
  });
  it('spells a time in English with the same local abbreviation', () => {
    expect(formatTime(at('2015-12-11T19:10', 'Asia/Jakarta'), en, 'Asia/Jakarta')).toBe('Friday, 11 December 2015 at 19:10 WIB');
  });
  it('shows a time given with another offset in the log timezone', () => {
    expect(formatTime(at('2015-12-11T12:10Z', 'Asia/Jakarta'), en, 'Asia/Jakarta')).toBe('Friday, 11 December 2015 at 19:10 WIB');
  });
  it('uses WITA and WIT for central and eastern Indonesia, Intl names elsewhere (with DST)', () => {
    expect(zoneAbbreviation(id, 'Asia/Makassar', 0)).toBe('WITA');
    expect(zoneAbbreviation(en, 'Asia/Jayapura', 0)).toBe('WIT');
    expect(formatTime(at('2024-03-05T14:02', 'Europe/Amsterdam'), en, 'Europe/Amsterdam')).toMatch(/14:02 CET$/);
    expect(formatTime(at('2024-07-05T14:02', 'Europe/Amsterdam'), en, 'Europe/Amsterdam')).toMatch(/14:02 CEST$/);
  });
  it('shows a date alone without a time', () => {
    expect(formatTime(at('2015-12-18', 'Asia/Jakarta'), id, 'Asia/Jakarta')).toBe('Jumat, 18 Desember 2015');
    expect(formatTime(at('2015-12-18', 'Asia/Jakarta'), en, 'Asia/Jakarta', 'day')).toBe('18 Dec 2015');
  });
});

describe('formatWindow', () => {
  it('leaves out the end date when the window ends on the day it starts', () => {
    expect(formatWindow(at('2024-02-02T22:00', 'Asia/Jakarta'), at('2024-02-02T23:30', 'Asia/Jakarta'), id, 'Asia/Jakarta')).toBe(
      'Jumat, 2 Februari 2024 pukul 22.00 – 23.30 WIB',
    );
  });
  it('spells both ends of a window over midnight', () => {
    expect(formatWindow(at('2015-12-11T19:00', 'Asia/Jakarta'), at('2015-12-12T08:00', 'Asia/Jakarta'), en, 'Asia/Jakarta')).toBe(
      'Friday, 11 December 2015 at 19:00 – Saturday, 12 December 2015 at 08:00 WIB',
    );
  });
  it('copes with an open window', () => {
    expect(formatWindow(at('2015-12-18T19:00', 'Asia/Jakarta'), undefined, en, 'Asia/Jakarta')).toBe(
      'Friday, 18 December 2015 at 19:00 WIB',
    );
    expect(formatWindow(undefined, undefined, en, 'UTC')).toBeUndefined();
  });
});

describe('formatDuration', () => {
  it.each([
    [13 * 3_600_000, 'id', '13 jam'],
    [13 * 3_600_000, 'en', '13 hours'],
    [7 * 3_600_000, 'en', '7 hours'],
    [2 * 3_600_000 + 40 * 60_000, 'en', '2 hours and 40 minutes'],
    [2 * 3_600_000 + 40 * 60_000, 'id', '2 jam dan 40 menit'],
    [26 * 3_600_000 + 30 * 60_000, 'en', '1 day, 2 hours and 30 minutes'],
    [60_000, 'en', '1 minute'],
    [0, 'id', '0 menit'],
    [20_000, 'en', '20 seconds'],
  ])('%i ms in %s is %j', (ms, lang, words) => {
    expect(formatDuration(ms, lang === 'id' ? id : en)).toBe(words);
  });
});
