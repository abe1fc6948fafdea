import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timelineSvg } from '../../src/html/timeline-svg.js';
import { buildView } from '../../src/model/build-view.js';
import { loadText, locales } from '../helpers.js';
import { expectClearPicture, numbersDrawn, texts } from './svg-geometry.js';
import { stressLogs } from './stress-logs.js';

const logs = stressLogs();
const load = (name: string) => {
  const result = loadText(logs[name]!, name);
  if (!result.log) throw new Error(JSON.stringify(result.findings));
  return result.log;
};
const views = (name: string) => {
  const log = load(name);
  return log.languages.map((lang) => buildView(log, 'report', lang, { locales, now: Date.parse('2025-01-01T00:00Z') }));
};

describe('timeline picture of the stress logs, measured', () => {
  for (const name of Object.keys(logs)) {
    for (const view of views(name)) {
      it(`${name} (${view.lang}): every event once, nothing covering a marker or a label`, () => {
        expect(view.timelineSvg).not.toBe('');
        expectClearPicture(view.timelineSvg, view.timeline.length, `${name} ${view.lang}`);
      });
    }
  }

  it('draws a two-week incident told in days with day marks and dates, never a clock of midnight', () => {
    for (const view of views('fourteen-days.md')) {
      const svg = view.timelineSvg;
      expect(svg).not.toMatch(/00[:.]00/);
      // Thirteen days without a time, each marked as a day on the line.
      expect(svg.match(/class="tl-event-day"/g)).toHaveLength(13);
      // The decision was given as a day: a band over that day, labelled with the date alone.
      expect(svg.match(/class="tl-decision-day"/g)).toHaveLength(1);
      expect(texts(svg, 'tl-decision-label')).toEqual([view.lang === 'id' ? 'Keputusan 28 Mar' : 'Decision 28 Mar']);
      expect(texts(svg, 'tl-tick')).toEqual([]);
      expect(texts(svg, 'tl-day').length).toBeGreaterThanOrEqual(5);
      // In the table, the decision's own row is highlighted, not the other rows of its day.
      expect(view.timeline.filter((row) => row.decision).map((row) => row.number)).toEqual([6]);
    }
  });

  it('says the date in the decision label when the picture spans more than a day', () => {
    const log = loadText(
      logs['rollback-78-minutes.md']!.replace('actual_end: 2024-06-11T23:20', 'actual_end: 2024-06-12T23:20').replace(
        '- 23:20 —',
        '- 2024-06-12 23:20 —',
      ),
    ).log!;
    for (const lang of log.languages) {
      const view = buildView(log, 'report', lang, { locales });
      expect(texts(view.timelineSvg, 'tl-decision-label')).toEqual([lang === 'id' ? 'Keputusan 11 Jun 22.51' : 'Decision 11 Jun 22:51']);
      expectClearPicture(view.timelineSvg, view.timeline.length, lang);
    }
  });

  it('keeps the clock alone in the decision label of a 78-minute rollback, and highlights only the decision row', () => {
    for (const view of views('rollback-78-minutes.md')) {
      expect(texts(view.timelineSvg, 'tl-decision-label')).toEqual([view.lang === 'id' ? 'Keputusan 22.51' : 'Decision 22:51']);
      // Rows 6 and 7 share 22:51; only row 6 records the decision.
      expect(view.timeline.filter((row) => row.decision).map((row) => row.number)).toEqual([6]);
    }
  });

  it('numbers twenty events within ten minutes, stacked or as ranges', () => {
    for (const view of views('twenty-in-ten-minutes.md')) {
      expect(numbersDrawn(view.timelineSvg)).toHaveLength(23);
      expect(texts(view.timelineSvg, 'tl-phase-label')).toEqual([view.lang === 'id' ? 'Dampak diredam 10.25' : 'Mitigated 10:25']);
    }
  });

  it('draws an ongoing incident open-ended up to its last event, and says it is ongoing', () => {
    for (const view of views('ongoing-incident.md')) {
      const svg = view.timelineSvg;
      expect(svg.match(/class="tl-ongoing"/g)).toHaveLength(1);
      expect(texts(svg, 'tl-ongoing-label')).toEqual([view.lang === 'id' ? 'Masih berlangsung' : 'Ongoing']);
      const bar = /<rect class="tl-outage" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/.exec(svg)!;
      const lastTick = [...svg.matchAll(/class="tl-event-tick" x1="([\d.]+)"/g)].map((m) => Number(m[1])).at(-1)!;
      expect(Number(bar[1]) + Number(bar[2])).toBeCloseTo(lastTick, 1);
    }
  });
});

describe('timeline picture of any events, measured', () => {
  const start = Date.parse('2024-03-01T00:00Z');
  it('numbers every event once and covers nothing, for 1 to 200 events over 10 minutes to 30 days', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 30 * 24 * 60 }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 200 }),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean()), { maxLength: 3 }),
        fc.boolean(),
        fc.constantFrom('UTC', 'Asia/Jakarta', 'America/New_York'),
        fc.constantFrom('en-GB', 'id-ID'),
        (minutes, events, decisions, ongoing, timezone, intl) => {
          const span = minutes * 60_000;
          const day = (t: number) => t - (t % 86_400_000);
          const svg = timelineSvg({
            intl,
            timezone,
            title: 'T',
            outage: { start, end: start + span, label: 'Incident', ongoing },
            ongoingLabel: 'Ongoing',
            overrunLabel: 'Overrun',
            decisions: decisions.map(([f, dateOnly]) => ({
              at: dateOnly ? day(start + f * span) : start + f * span,
              dateOnly,
              label: 'Decision',
            })),
            events: events
              .map(([f, dateOnly, decision]) => ({ at: start + f * span, dateOnly: dateOnly && minutes > 2 * 24 * 60, decision }))
              .map((e) => (e.dateOnly ? { ...e, at: day(e.at) } : e)),
            eventsLabel: 'Events',
          });
          expectClearPicture(svg, events.length);
        },
      ),
      { numRuns: 120 },
    );
  });
});
