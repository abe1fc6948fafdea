import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { timelineSvg, type TimelineSvgInput } from '../../src/html/timeline-svg.js';

const at = (iso: string) => Date.parse(iso);

/** The seed story: a change planned 19:00 → 08:00 that ran until 15:00 the next day. */
function seed(intl: 'en-GB' | 'id-ID', extra: Partial<TimelineSvgInput> = {}): TimelineSvgInput {
  const id = intl === 'id-ID';
  return {
    intl,
    timezone: 'Asia/Jakarta',
    title: id ? 'Linimasa perubahan' : 'Timeline of the change',
    planned: { start: at('2015-12-11T19:00+07:00'), end: at('2015-12-12T08:00+07:00'), label: id ? 'Rencana' : 'Planned' },
    actual: { start: at('2015-12-11T19:00+07:00'), end: at('2015-12-12T15:00+07:00'), label: id ? 'Aktual' : 'Actual' },
    overrunLabel: id ? 'Molor 7 jam' : 'Overrun 7 hours',
    decisions: [{ at: at('2015-12-12T14:00+07:00'), label: id ? 'Keputusan' : 'Decision' }],
    events: [at('2015-12-11T19:00+07:00'), at('2015-12-12T02:00+07:00'), at('2015-12-12T14:00+07:00')].map((t) => ({ at: t })),
    eventsLabel: id ? 'Kejadian' : 'Events',
    ...extra,
  };
}

interface Element {
  tag: string;
  attrs: Record<string, string>;
  text: string;
}

/** Elements with a class, with their attributes and (for <text>) their own text, without a DOM. */
function elements(svg: string, className: string): Element[] {
  const found: Element[] = [];
  const re = new RegExp(`<(\\w+) class="${className}"([^>]*?)(/?)>`, 'g');
  for (const m of svg.matchAll(re)) {
    const attrs: Record<string, string> = {};
    for (const a of (m[2] ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[a[1]!] = a[2]!;
    let text = '';
    if (m[3] !== '/') {
      const rest = svg.slice((m.index ?? 0) + m[0].length);
      text = rest.slice(0, rest.indexOf(`</${m[1]}>`)).replace(/<title>.*?<\/title>/, '');
    }
    found.push({ tag: m[1]!, attrs, text });
  }
  return found;
}

/** Every event number the picture shows, from single markers ("7") and ranges ("4–7", "3, 9"), in order. */
function numbersDrawn(svg: string): number[] {
  return elements(svg, 'tl-event-number')
    .flatMap((e) =>
      e.text.split(', ').flatMap((part) => {
        const [a, b] = part.split('–').map(Number);
        return Array.from({ length: (b ?? a!) - a! + 1 }, (_, i) => a! + i);
      }),
    )
    .sort((a, b) => a - b);
}

function one(svg: string, className: string): Element {
  const all = elements(svg, className);
  expect(all, className).toHaveLength(1);
  return all[0]!;
}

const n = (e: Element, name: string) => {
  const value = Number(e.attrs[name]);
  expect(Number.isFinite(value), `${e.tag}.${name}`).toBe(true);
  return value;
};
const right = (e: Element) => n(e, 'x') + n(e, 'width');

/** Checks that every tag is closed in order, which a browser-free test can still do. */
function expectBalancedTags(svg: string): void {
  const stack: string[] = [];
  for (const m of svg.matchAll(/<(\/?)([a-zA-Z]+)[^>]*?(\/?)>/g)) {
    if (m[3] === '/') continue;
    if (m[1] === '/') expect(stack.pop(), `closing </${m[2]}>`).toBe(m[2]);
    else stack.push(m[2]!);
  }
  expect(stack).toEqual([]);
  expect(svg.replace(/<[^>]*>/g, '')).not.toMatch(/[<>]/);
  expect(svg).not.toMatch(/&(?!(amp|lt|gt|quot|#39);)/);
}

function expectInert(svg: string): void {
  expect(svg).not.toMatch(/<script/i);
  expect(svg).not.toMatch(/href/i);
  expect(svg).not.toMatch(/url\(/i);
  expect(svg).not.toMatch(/foreignObject/i);
  expect(svg).not.toMatch(/javascript:/i);
  expect(svg).not.toMatch(/\son\w+=/i);
  expect(svg).not.toMatch(/<(image|use|style|a)\b/i);
}

describe('timelineSvg: nothing to draw', () => {
  it('returns an empty string without bars and with fewer than two events', () => {
    expect(timelineSvg({ intl: 'en-GB', timezone: 'UTC', title: 'T', events: [], eventsLabel: 'Events' })).toBe('');
    expect(
      timelineSvg({ intl: 'en-GB', timezone: 'UTC', title: 'T', events: [{ at: at('2024-01-01T10:00Z') }], eventsLabel: 'Events' }),
    ).toBe('');
    expect(
      timelineSvg({
        intl: 'en-GB',
        timezone: 'UTC',
        title: 'T',
        decisions: [{ at: at('2024-01-01T10:00Z'), label: 'D' }],
        events: [],
        eventsLabel: 'Events',
      }),
    ).toBe('');
  });

  it('ignores bars and events whose times are not numbers', () => {
    const input: TimelineSvgInput = {
      intl: 'en-GB',
      timezone: 'UTC',
      title: 'T',
      planned: { start: Number.NaN, end: at('2024-01-01T10:00Z'), label: 'P' },
      actual: { start: at('2024-01-01T10:00Z'), end: at('2024-01-01T09:00Z'), label: 'A' },
      events: [{ at: Number.NaN }, { at: at('2024-01-01T10:00Z') }],
      eventsLabel: 'Events',
    };
    expect(timelineSvg(input)).toBe('');
  });

  it('draws two events alone', () => {
    const svg = timelineSvg({
      intl: 'en-GB',
      timezone: 'UTC',
      title: 'T',
      events: [{ at: at('2024-01-01T10:00Z') }, { at: at('2024-01-01T13:00Z') }],
      eventsLabel: 'Events',
    });
    expect(svg.startsWith('<svg')).toBe(true);
    expect(elements(svg, 'tl-event')).toHaveLength(2);
    expect(elements(svg, 'tl-actual')).toHaveLength(0);
  });
});

describe('timelineSvg: the seed story', () => {
  const svg = timelineSvg(seed('en-GB'));
  const svgId = timelineSvg(seed('id-ID'));

  it('is one accessible, A4-wide svg element', () => {
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]* viewBox="0 0 720 \d+"/);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    const root = svg.slice(0, svg.indexOf('>'));
    expect(root).toContain('width="100%"');
    expect(root).toContain('role="img"');
    expect(root).toContain('aria-label="Timeline of the change"');
    expect(root).toContain(`font-family="'Source Sans 3', 'Noto Sans', sans-serif"`);
    expect(svg).toContain('<title>Timeline of the change</title>');
    expect(svg.match(/<svg/g)).toHaveLength(1);
    expectBalancedTags(svg);
    expectInert(svg);
  });

  it('keeps every coordinate inside the viewBox', () => {
    const height = Number(/viewBox="0 0 720 (\d+)"/.exec(svg)?.[1]);
    for (const m of svg.matchAll(/\s(x|x1|x2|cx)="([^"]+)"/g)) {
      expect(Number(m[2])).toBeGreaterThanOrEqual(0);
      expect(Number(m[2])).toBeLessThanOrEqual(720);
    }
    for (const m of svg.matchAll(/\s(y|y1|y2|cy)="([^"]+)"/g)) {
      expect(Number(m[2])).toBeGreaterThanOrEqual(0);
      expect(Number(m[2])).toBeLessThanOrEqual(height);
    }
  });

  it('starts the overrun where the plan ends and ends it where the work ended', () => {
    const planned = one(svg, 'tl-planned');
    const actual = one(svg, 'tl-actual');
    const overrun = one(svg, 'tl-overrun');
    expect(n(overrun, 'x')).toBeCloseTo(right(planned), 1);
    expect(right(overrun)).toBeCloseTo(right(actual), 1);
    expect(n(overrun, 'y')).toBe(n(actual, 'y'));
    expect(n(planned, 'x')).toBeCloseTo(n(actual, 'x'), 1);
    // 13 planned hours against 20 actual ones.
    expect(n(planned, 'width') / n(actual, 'width')).toBeCloseTo(13 / 20, 2);
    expect(overrun.attrs.fill).toBe('#a4262c');
    expect(planned.attrs.stroke).toBe('#1f4e79');
    expect(one(svg, 'tl-overrun-label').text).toBe('Overrun 7 hours');
  });

  it('draws the decision line between the planned and the actual end, across the rows', () => {
    const segments = elements(svg, 'tl-decision');
    expect(segments.length).toBeGreaterThanOrEqual(1);
    for (const line of segments) expect(line.attrs.x1).toBe(segments[0]!.attrs.x1);
    for (const line of segments) expect(line.attrs.x2).toBe(segments[0]!.attrs.x1);
    const dx = n(segments[0]!, 'x1');
    expect(dx).toBeGreaterThan(right(one(svg, 'tl-planned')));
    expect(dx).toBeLessThan(right(one(svg, 'tl-actual')));
    // 14:00 is six sevenths of the way from 08:00 to 15:00.
    const from = right(one(svg, 'tl-planned'));
    expect((dx - from) / (right(one(svg, 'tl-actual')) - from)).toBeCloseTo(6 / 7, 2);
    expect(Math.min(...segments.map((l) => n(l, 'y1')))).toBeLessThan(n(one(svg, 'tl-planned'), 'y'));
    expect(Math.max(...segments.map((l) => n(l, 'y2')))).toBeGreaterThan(n(elements(svg, 'tl-event')[0]!, 'cy'));
    expect(segments[0]!.attrs.stroke).toBe('#8a5a00');
    // The picture spans two days, so the label says which.
    expect(one(svg, 'tl-decision-label').text).toBe('Decision 12 Dec 14:00');
    expect(one(svgId, 'tl-decision-label').text).toBe('Keputusan 12 Des 14.00');
  });

  it('labels ticks every three hours in local time, in order, with the day at midnight and at the start', () => {
    const ticks = elements(svgId, 'tl-tick');
    expect(ticks.map((t) => t.text)).toEqual(['21.00', '00.00', '03.00', '06.00', '09.00', '12.00', '15.00']);
    const xs = ticks.map((t) => n(t, 'x'));
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    const days = elements(svgId, 'tl-day');
    const midnight = days.find((d) => d.text.includes('Sab'));
    expect(midnight?.text).toMatch(/^Sab,? 12 Des$/);
    expect(n(midnight!, 'x')).toBeCloseTo(xs[1]!, 5);
    expect(days.some((d) => /^Jum,? 11 Des$/.test(d.text) && n(d, 'x') === xs[0])).toBe(true);
    expect(elements(svg, 'tl-day').map((d) => d.text)).toEqual(expect.arrayContaining(['Fri 11 Dec', 'Sat 12 Dec']));
  });

  it('puts the bars on the same scale as the ticks', () => {
    const ticks = elements(svg, 'tl-tick');
    const x21 = n(
      ticks.find((t) => t.text === '21:00')!,
      'x',
    );
    const x15 = n(
      ticks.find((t) => t.text === '15:00')!,
      'x',
    );
    expect(right(one(svg, 'tl-actual'))).toBeCloseTo(x15, 1);
    // 19:00 is two hours before 21:00, and 21:00 → 15:00 is eighteen hours.
    expect(n(one(svg, 'tl-actual'), 'x')).toBeCloseTo(x21 - (2 / 18) * (x15 - x21), 1);
  });

  it('labels the rows with the given words', () => {
    expect(elements(svg, 'tl-row-label').map((l) => l.text)).toEqual(['Planned', 'Actual', 'Events']);
    expect(elements(svgId, 'tl-row-label').map((l) => l.text)).toEqual(['Rencana', 'Aktual', 'Kejadian']);
  });

  it('numbers the events in the order given', () => {
    const numbers = elements(svg, 'tl-event-number');
    expect(numbers.map((e) => e.text)).toEqual(['1', '2', '3']);
    // Event 3 is the decision at 14:00.
    expect(n(numbers[2]!, 'x')).toBeCloseTo(n(elements(svg, 'tl-decision')[0]!, 'x1'), 5);
  });
});

describe('timelineSvg: bars', () => {
  it('has no overrun when the work ended in time', () => {
    const input = seed('en-GB', { actual: { start: at('2015-12-11T19:00+07:00'), end: at('2015-12-12T07:00+07:00'), label: 'Actual' } });
    const svg = timelineSvg(input);
    expect(elements(svg, 'tl-overrun')).toHaveLength(0);
    expect(svg).not.toContain('Overrun 7 hours');
  });

  it('marks the whole actual bar as overrun when it started after the plan ended', () => {
    const svg = timelineSvg(
      seed('en-GB', { actual: { start: at('2015-12-12T09:00+07:00'), end: at('2015-12-12T15:00+07:00'), label: 'Actual' } }),
    );
    const actual = one(svg, 'tl-actual');
    const overrun = one(svg, 'tl-overrun');
    expect(n(overrun, 'x')).toBeCloseTo(n(actual, 'x'), 1);
    expect(right(overrun)).toBeCloseTo(right(actual), 1);
  });

  it('shades the overrun without a label when none is given', () => {
    const svg = timelineSvg(seed('en-GB', { overrunLabel: undefined }));
    expect(elements(svg, 'tl-overrun')).toHaveLength(1);
    expect(elements(svg, 'tl-overrun-label')).toHaveLength(0);
  });

  it('draws an incident from detection to resolution', () => {
    const svg = timelineSvg({
      intl: 'en-GB',
      timezone: 'UTC',
      title: 'Outage',
      outage: { start: at('2024-05-02T08:10Z'), end: at('2024-05-02T11:40Z'), label: 'Detected → resolved' },
      events: [{ at: at('2024-05-02T08:00Z') }, { at: at('2024-05-02T08:10Z') }, { at: at('2024-05-02T12:00Z') }],
      eventsLabel: 'Events',
    });
    const outage = one(svg, 'tl-outage');
    const marks = elements(svg, 'tl-event-tick').map((e) => n(e, 'x1'));
    expect(n(outage, 'x')).toBeCloseTo(marks[1]!, 1);
    // Resolution at 11:40 lies 3:30 after detection; the last event is 20 minutes later.
    expect((right(outage) - marks[1]!) / (marks[2]! - marks[1]!)).toBeCloseTo(210 / 230, 2);
    expect(elements(svg, 'tl-row-label')[0]?.text).toBe('Detected → resolved');
    expect(elements(svg, 'tl-planned')).toHaveLength(0);
  });

  it('shortens a row label that would run into the bars, keeping the whole label as a tooltip', () => {
    const long = 'Gangguan layanan pembayaran dan transfer antarbank di seluruh wilayah';
    const svg = timelineSvg(
      seed('id-ID', { planned: { start: at('2015-12-11T19:00+07:00'), end: at('2015-12-12T08:00+07:00'), label: long } }),
    );
    const label = elements(svg, 'tl-row-label')[0]!;
    expect(label.text.endsWith('…')).toBe(true);
    expect(label.text.length).toBeLessThan(long.length);
    expect(svg).toContain(`<title>${long}</title>`);
    expect(n(one(svg, 'tl-planned'), 'x')).toBeLessThan(720 / 3);
  });
});

describe('timelineSvg: escaping', () => {
  const nasty = `<script>alert("x")</script> & 'q' </svg>`;
  const svg = timelineSvg({
    ...seed('en-GB'),
    title: nasty,
    planned: { start: at('2015-12-11T19:00+07:00'), end: at('2015-12-12T08:00+07:00'), label: `P ${nasty}` },
    actual: { start: at('2015-12-11T19:00+07:00'), end: at('2015-12-12T15:00+07:00'), label: 'A & B' },
    outage: { start: at('2015-12-11T20:00+07:00'), end: at('2015-12-11T23:00+07:00'), label: '"quoted"' },
    overrunLabel: `O ${nasty}`,
    decisions: [{ at: at('2015-12-12T14:00+07:00'), label: `D ${nasty}` }],
    eventsLabel: `E < & >\u0000\u0007`,
  });

  it('escapes every label and the accessible name', () => {
    expect(svg).toContain('aria-label="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39; &lt;/svg&gt;"');
    expect(svg).toContain('<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39; &lt;/svg&gt;</title>');
    expect(svg).toContain('A &amp; B');
    expect(svg).toContain('&quot;quoted&quot;');
    expect(svg).toContain('D &lt;script&gt;');
    expect(svg).toContain('E &lt; &amp; &gt;');
    expect(svg.match(/<\/svg>/g)).toHaveLength(1);
    expectBalancedTags(svg);
    expectInert(svg);
  });

  it('drops characters XML cannot carry', () => {
    expect(svg).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });
});

describe('timelineSvg: ticks in local time', () => {
  it('skips the hour that a spring-forward DST change removes', () => {
    const svg = timelineSvg({
      intl: 'en-GB',
      timezone: 'Europe/Amsterdam',
      title: 'DST',
      actual: { start: at('2024-03-31T01:00+01:00'), end: at('2024-03-31T04:00+02:00'), label: 'Actual' },
      events: [],
      eventsLabel: 'Events',
    });
    const labels = elements(svg, 'tl-tick').map((t) => t.text);
    expect(labels).toEqual(['01:00', '01:15', '01:30', '01:45', '03:00', '03:15', '03:30', '03:45', '04:00']);
    expect(elements(svg, 'tl-day').map((d) => d.text)).toEqual(['Sun 31 Mar']);
    // The bar lasts two real hours, so 01:45 → 03:00 is one quarter-hour step on the axis.
    const xs = elements(svg, 'tl-tick').map((t) => n(t, 'x'));
    expect(xs[4]! - xs[3]!).toBeCloseTo(xs[1]! - xs[0]!, 1);
    expect(n(one(svg, 'tl-actual'), 'x')).toBeCloseTo(xs[0]!, 1);
    expect(right(one(svg, 'tl-actual'))).toBeCloseTo(xs[8]!, 1);
  });

  it('labels a fall-back night without going back in time on the axis', () => {
    const svg = timelineSvg({
      intl: 'en-GB',
      timezone: 'Europe/Amsterdam',
      title: 'DST',
      actual: { start: at('2024-10-26T22:00+02:00'), end: at('2024-10-27T08:00+01:00'), label: 'Actual' },
      events: [],
      eventsLabel: 'Events',
    });
    const ticks = elements(svg, 'tl-tick');
    expect(ticks.map((t) => t.text)).toEqual(['22:00', '00:00', '02:00', '04:00', '06:00', '08:00']);
    const xs = ticks.map((t) => n(t, 'x'));
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(elements(svg, 'tl-day').map((d) => d.text)).toEqual(['Sun 27 Oct', 'Sat 26 Oct']);
  });

  it('uses half-hour offsets for the zone', () => {
    const svg = timelineSvg({
      intl: 'en-GB',
      timezone: 'Asia/Kolkata',
      title: 'T',
      actual: { start: at('2024-06-01T09:00+05:30'), end: at('2024-06-01T17:00+05:30'), label: 'Actual' },
      events: [],
      eventsLabel: 'Events',
    });
    expect(elements(svg, 'tl-tick').map((t) => t.text)).toEqual([
      '09:00',
      '10:00',
      '11:00',
      '12:00',
      '13:00',
      '14:00',
      '15:00',
      '16:00',
      '17:00',
    ]);
  });

  it('steps in days over a long change, with each date under its own day and no clock', () => {
    const svg = timelineSvg({
      intl: 'en-GB',
      timezone: 'UTC',
      title: 'T',
      planned: { start: at('2024-02-26T12:00Z'), end: at('2024-03-02T12:00Z'), label: 'Planned' },
      events: [],
      eventsLabel: 'Events',
    });
    expect(elements(svg, 'tl-tick')).toEqual([]);
    const days = elements(svg, 'tl-day').sort((a, b) => n(a, 'x') - n(b, 'x'));
    expect(days.map((d) => d.text)).toEqual(['Mon 26 Feb', 'Tue 27 Feb', 'Wed 28 Feb', 'Thu 29 Feb', 'Fri 1 Mar', 'Sat 2 Mar']);
    // A whole day's label stands halfway between its midnights.
    const marks = [...svg.matchAll(/<line x1="([\d.]+)" y1="[\d.]+" x2="\1" y2="[\d.]+" stroke="#8c959f"/g)].map((m) => Number(m[1]));
    expect(n(days[1]!, 'x')).toBeCloseTo((marks[0]! + marks[1]!) / 2, 1);
  });

  it('steps in weeks over a month, from Mondays', () => {
    const svg = timelineSvg({
      intl: 'en-GB',
      timezone: 'Asia/Jakarta',
      title: 'T',
      outage: { start: at('2024-03-01T10:00+07:00'), end: at('2024-03-30T10:00+07:00'), label: 'Incident' },
      events: [],
      eventsLabel: 'Events',
    });
    expect(elements(svg, 'tl-tick')).toEqual([]);
    // The first day, 1 March, would touch 4 March: the Mondays win.
    expect(elements(svg, 'tl-day').map((d) => d.text)).toEqual(['Mon 4 Mar', 'Mon 11 Mar', 'Mon 18 Mar', 'Mon 25 Mar']);
  });

  it('does not repeat 00:00 under every day of a picture over several days', () => {
    const svg = timelineSvg({
      intl: 'en-GB',
      timezone: 'UTC',
      title: 'T',
      outage: { start: at('2024-03-01T10:00Z'), end: at('2024-03-04T02:00Z'), label: 'Incident' },
      events: [],
      eventsLabel: 'Events',
    });
    // Every twelve hours: the noons carry a clock, the midnights only their date.
    expect(elements(svg, 'tl-tick').map((t) => t.text)).toEqual(['12:00', '12:00', '12:00']);
    const days = elements(svg, 'tl-day').sort((a, b) => n(a, 'x') - n(b, 'x'));
    expect(days.map((d) => d.text)).toEqual(['Fri 1 Mar', 'Sat 2 Mar', 'Sun 3 Mar', 'Mon 4 Mar']);
  });

  const zones = ['UTC', 'Asia/Jakarta', 'Europe/Amsterdam', 'America/New_York', 'Asia/Kolkata', 'Australia/Adelaide'];
  const plotRight = 720 - 14;

  it('always draws four to ten ordered, non-overlapping ticks that stay on the page', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: at('2000-01-01T00:00Z'), max: at('2040-01-01T00:00Z') }),
        fc.integer({ min: 0, max: 90 * 24 * 60 }),
        fc.constantFrom(...zones),
        fc.constantFrom('en-GB', 'id-ID'),
        (start, minutes, timezone, intl) => {
          const svg = timelineSvg({
            intl,
            timezone,
            title: 'T',
            actual: { start, end: start + minutes * 60_000, label: 'Actual' },
            events: [],
            eventsLabel: 'Events',
          });
          const ticks = elements(svg, 'tl-tick');
          const marks = [...svg.matchAll(/<line x1="([\d.]+)" y1="[\d.]+" x2="\1" y2="[\d.]+" stroke="#8c959f"/g)].map((m) => Number(m[1]));
          expect(marks.length).toBeGreaterThanOrEqual(4);
          expect(marks.length).toBeLessThanOrEqual(10);
          const xs = ticks.map((t) => n(t, 'x'));
          for (let i = 1; i < xs.length; i++) expect(xs[i]! - xs[i - 1]!).toBeGreaterThan(30);
          for (const x of xs) {
            expect(x).toBeGreaterThanOrEqual(6);
            expect(x).toBeLessThanOrEqual(714);
          }
          for (const x of marks) expect(x).toBeLessThanOrEqual(plotRight);
          // Every label is an HH:MM clock reading and the first tick has its day.
          for (const t of ticks) expect(t.text).toMatch(/^([01]\d|2[0-3])[.:][0-5]\d$/);
          const days = elements(svg, 'tl-day');
          expect(days.length).toBeGreaterThanOrEqual(1);
          const dayXs = days.map((d) => n(d, 'x')).sort((a, b) => a - b);
          for (let i = 1; i < dayXs.length; i++) expect(dayXs[i]! - dayXs[i - 1]!).toBeGreaterThan(50);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('timelineSvg: event markers', () => {
  const base = at('2024-05-02T08:00Z');
  const input = (times: number[]): TimelineSvgInput => ({
    intl: 'en-GB',
    timezone: 'UTC',
    title: 'T',
    actual: { start: base, end: base + 10 * 3_600_000, label: 'Actual' },
    events: times.map((t) => ({ at: t })),
    eventsLabel: 'Events',
  });

  it('numbers by position in the table, not by time', () => {
    const svg = timelineSvg(input([base + 9 * 3_600_000, base, base + 3_600_000]));
    const byNumber = Object.fromEntries(elements(svg, 'tl-event-number').map((e) => [e.text, n(e, 'x')]));
    expect(byNumber['2']).toBeLessThan(byNumber['3']!);
    expect(byNumber['3']).toBeLessThan(byNumber['1']!);
    expect(byNumber['2']).toBeCloseTo(n(one(svg, 'tl-actual'), 'x'), 1);
  });

  it('keeps the table numbering when an event has no usable time', () => {
    const svg = timelineSvg(input([base, Number.NaN, base + 3_600_000]));
    expect(elements(svg, 'tl-event-number').map((e) => e.text)).toEqual(['1', '3']);
  });

  it('stacks events at the same moment instead of drawing one over the other', () => {
    const svg = timelineSvg(input([base + 3_600_000, base + 3_600_000, base + 3_600_000]));
    const circles = elements(svg, 'tl-event');
    expect(circles).toHaveLength(3);
    expect(new Set(circles.map((c) => c.attrs.cx)).size).toBe(1);
    expect(new Set(circles.map((c) => c.attrs.cy)).size).toBe(3);
  });

  it('numbers every one of thirty events, and ticks all of them', () => {
    const times = Array.from({ length: 30 }, (_, i) => base + i * 20 * 60_000);
    const svg = timelineSvg(input(times));
    expect(numbersDrawn(svg)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(elements(svg, 'tl-event-tick')).toHaveLength(30);
  });

  it('keeps a numbered marker on the same x as its tick', () => {
    const times = [base, base + 2 * 3_600_000, base + 5 * 3_600_000];
    const svg = timelineSvg(input(times));
    const tickXs = elements(svg, 'tl-event-tick').map((e) => e.attrs.x1);
    expect(elements(svg, 'tl-event').map((e) => e.attrs.cx)).toEqual(tickXs);
  });
});

describe('timelineSvg: labels near the edges', () => {
  it('anchors a decision label at the right edge to its end', () => {
    const svg = timelineSvg(
      seed('en-GB', { decisions: [{ at: at('2015-12-12T15:00+07:00'), label: 'Decision to roll back taken by the change board' }] }),
    );
    const label = one(svg, 'tl-decision-label');
    expect(label.attrs['text-anchor']).toBe('end');
    expect(n(label, 'x')).toBeLessThanOrEqual(714);
    expect(n(label, 'x')).toBeLessThan(n(elements(svg, 'tl-decision')[0]!, 'x1'));
    expect(label.text).toBe('Decision to roll back taken by the change board 12 Dec 15:00');
  });

  it('puts a decision label near the left start beside its line, like a flag', () => {
    const svg = timelineSvg(
      seed('en-GB', { decisions: [{ at: at('2015-12-11T19:00+07:00'), label: 'A rather long decision label here' }] }),
    );
    const label = one(svg, 'tl-decision-label');
    const dx = n(elements(svg, 'tl-decision')[0]!, 'x1');
    expect(label.attrs['text-anchor']).toBe('start');
    expect(n(label, 'x')).toBeGreaterThan(dx);
    expect(n(label, 'x')).toBeGreaterThanOrEqual(6);
  });

  it('spreads a single instant over a readable axis', () => {
    const t = at('2024-05-02T08:00Z');
    const svg = timelineSvg({
      intl: 'en-GB',
      timezone: 'UTC',
      title: 'T',
      outage: { start: t, end: t, label: 'Blip' },
      events: [],
      eventsLabel: 'Events',
    });
    const outage = one(svg, 'tl-outage');
    expect(n(outage, 'width')).toBeGreaterThan(0);
    expect(elements(svg, 'tl-tick').length).toBeGreaterThanOrEqual(4);
    expect(elements(svg, 'tl-tick').map((e) => e.text)).toContain('08:00');
  });
});
