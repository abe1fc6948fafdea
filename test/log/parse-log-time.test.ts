import { describe, expect, it } from 'vitest';
import { isLogTimeText, parseLogTime } from '../../src/log/parse-log-time.js';

describe('parseLogTime', () => {
  it('reads a time without offset in the log timezone', () => {
    const t = parseLogTime('2015-12-11T19:00', 'Asia/Jakarta');
    expect(t?.iso).toBe('2015-12-11T19:00:00.000+07:00');
    expect(t?.epoch).toBe(Date.UTC(2015, 11, 11, 12, 0));
    expect(t?.dateOnly).toBe(false);
  });
  it('accepts a space instead of T, and seconds', () => {
    expect(parseLogTime('2015-12-11 19:10:30', 'UTC')?.iso).toBe('2015-12-11T19:10:30.000Z');
  });
  it('keeps an explicit offset', () => {
    const t = parseLogTime('2015-12-11T19:00+01:00', 'Asia/Jakarta');
    expect(t?.epoch).toBe(Date.UTC(2015, 11, 11, 18, 0));
    expect(parseLogTime('2015-12-11T19:00Z', 'Asia/Jakarta')?.epoch).toBe(Date.UTC(2015, 11, 11, 19, 0));
  });
  it('reads a date alone as the start of that day', () => {
    const t = parseLogTime('2024-03-31', 'Europe/Amsterdam');
    expect(t?.dateOnly).toBe(true);
    expect(t?.iso).toBe('2024-03-31T00:00:00.000+01:00');
  });
  it('follows daylight saving time of the zone', () => {
    expect(parseLogTime('2024-07-01T12:00', 'Europe/Amsterdam')?.iso).toBe('2024-07-01T12:00:00.000+02:00');
    expect(parseLogTime('2024-01-01T12:00', 'Europe/Amsterdam')?.iso).toBe('2024-01-01T12:00:00.000+01:00');
  });
  it.each([
    '2015-12-32T19:00',
    '2015-02-30',
    '2015-13-01',
    '2015-12-11T25:00',
    '2015-12-11T19:61',
    '11-12-2015',
    'tomorrow',
    '',
    '2015-12-11T19',
  ])('refuses %j', (text) => {
    expect(parseLogTime(text, 'UTC')).toBeUndefined();
    expect(isLogTimeText(text)).toBe(false);
  });
});
