import { describe, expect, it } from 'vitest';
import type { LogTime, TimelineEvent } from '../../src/log/types.js';
import { parseLogTime } from '../../src/log/parse-log-time.js';
import { decisionRows, shortDay, timelinePicture } from '../../src/model/timeline-picture.js';
import { locales } from '../helpers.js';

const zone = 'Asia/Jakarta';
const time = (text: string): LogTime => parseLogTime(text, zone)!;
const event = (at: string, text: string): TimelineEvent => ({ at: time(at), text, line: 1 });
const words = ['Keputusan', 'Decision'];

describe('decisionRows', () => {
  it('takes the one row at the decision minute', () => {
    const events = [event('2024-01-01T10:00', 'Alert'), event('2024-01-01T10:15', 'Roll back')];
    expect([...decisionRows(events, [{ at: time('2024-01-01T10:15') }], words, zone)]).toEqual([1]);
  });

  it('takes only the row that says it is the decision when several share the minute', () => {
    const events = [
      event('2024-01-01T10:15', 'Status page updated'),
      event('2024-01-01T10:15', '**Decision:** roll back'),
      event('2024-01-01T10:15', 'Pager muted'),
    ];
    expect([...decisionRows(events, [{ at: time('2024-01-01T10:15') }], words, zone)]).toEqual([1]);
  });

  it('takes none when several rows share the minute and none says so', () => {
    const events = [event('2024-01-01T10:15', 'Status page updated'), event('2024-01-01T10:15', 'Pager muted')];
    expect([...decisionRows(events, [{ at: time('2024-01-01T10:15') }], words, zone)]).toEqual([]);
  });

  it('finds a decision given as a day among the rows of that day by what they say, in Indonesian too', () => {
    const events = [
      event('2022-03-28', 'ATM pulih bertahap'),
      event('2022-03-28', 'Tim memutuskan tidak membayar tebusan'),
      event('2022-03-29', 'Keputusan lain yang bukan hari itu'),
    ];
    expect([...decisionRows(events, [{ at: time('2022-03-28') }], words, zone)]).toEqual([1]);
  });

  it('does not take a lone row of the decision day when the decision is only a day', () => {
    expect([...decisionRows([event('2022-03-28', 'ATM pulih')], [{ at: time('2022-03-28') }], words, zone)]).toEqual([]);
  });

  it('finds the row of each of several decisions', () => {
    const events = [
      event('2024-01-01T10:00', 'Decision: fail over'),
      event('2024-01-01T11:00', 'Alert'),
      event('2024-01-01T12:00', 'Decision: fail back'),
    ];
    const decisions = [{ at: time('2024-01-01T10:00') }, undefined, {}, { at: time('2024-01-01T12:00') }];
    expect([...decisionRows(events, decisions, words, zone)].sort()).toEqual([0, 2]);
  });
});

describe('timelinePicture', () => {
  const locale = locales.get('en')!;
  const label = (key: string) => locale.labels[key] ?? key;
  const base = { decisions: [], decisionRows: new Set<number>(), locale, zone, label, title: 'Timeline' };

  it('draws a change in progress open-ended up to its last event', () => {
    const svg = timelinePicture({
      ...base,
      type: 'change',
      status: 'in-progress',
      window: { start: time('2024-01-01T22:00'), end: time('2024-01-01T23:00'), actualStart: time('2024-01-01T22:05') },
      events: [event('2024-01-01T22:05', 'Start'), event('2024-01-01T22:40', 'Still going')],
    });
    expect(svg).toContain('class="tl-ongoing"');
    expect(svg).toContain('>Ongoing</text>');
  });

  it('does not call a resolved incident without a resolution time ongoing', () => {
    const svg = timelinePicture({
      ...base,
      type: 'incident',
      status: 'resolved',
      detected: time('2024-01-01T10:00'),
      events: [event('2024-01-01T10:00', 'Alert'), event('2024-01-01T11:00', 'Fixed')],
    });
    expect(svg).not.toContain('tl-ongoing');
    expect(svg).not.toContain('tl-outage');
  });

  it('runs an incident resolved on a day to the end of that day', () => {
    const svg = timelinePicture({
      ...base,
      type: 'incident',
      status: 'resolved',
      detected: time('2022-03-25T06:10'),
      resolved: time('2022-03-27'),
      events: [event('2022-03-25T06:10', 'Alert'), event('2022-03-27', 'Back')],
    });
    const bar = /<rect class="tl-outage" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/.exec(svg)!;
    const day = /<rect class="tl-event-day" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/.exec(svg)!;
    // The bar ends where the day mark of 27 March ends (the mark keeps 1 unit from each midnight).
    expect(Number(bar[1]) + Number(bar[2])).toBeCloseTo(Number(day[1]) + Number(day[2]) + 1, 0);
  });

  it('draws nothing for a planned window alone', () => {
    const svg = timelinePicture({
      ...base,
      type: 'maintenance',
      status: 'scheduled',
      window: { start: time('2024-01-01T22:00'), end: time('2024-01-01T23:00') },
      events: [],
    });
    expect(svg).toBe('');
  });
});

describe('shortDay', () => {
  it('names a day without a time for the time column of the table', () => {
    expect(shortDay(time('2022-03-26'), 'en-GB', zone)).toBe('Sat 26 Mar');
    expect(shortDay(time('2022-03-26'), 'id-ID', zone)).toMatch(/^Sab,? 26 Mar$/);
  });
});
