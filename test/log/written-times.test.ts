import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildView } from '../../src/model/build-view.js';
import { loadText, locales, logText } from '../helpers.js';

/**
 * Times, zones and headings the way authors of real post-mortems write them: each case gives the
 * time and zone a reader sees in the rendered document, or the one finding it must produce.
 */

const incident = (zone: string, extra = '') =>
  `title: Real incident\ntype: incident\nstatus: resolved\ntimezone: ${zone}\ndetected: 2024-07-05T09:00\nresolved: 2024-07-05T18:00${extra ? `\n${extra}` : ''}`;

/** The time column of the first timeline row of the English report, with the row's date. */
function firstRow(zone: string, item: string, heading = 'Timeline') {
  const result = loadText(logText(incident(zone), `## ${heading}\n\n- ${item}\n`));
  const errors = result.findings.filter((f) => f.severity === 'error');
  if (!result.log) return { errors, findings: result.findings };
  const view = buildView(result.log, 'report', 'en', { locales, now: Date.UTC(2024, 11, 1) });
  const row = view.timeline[0];
  return { errors, findings: result.findings, shown: row ? `${row.date} | ${row.time}` : undefined, log: result.log };
}

describe('timeline items: the time readers see', () => {
  it.each([
    // [log zone, item as written, date | time shown]
    ['America/Los_Angeles', '1:00 PM — Resolved', 'Friday, 5 July 2024 | 13:00 PDT'],
    ['America/Los_Angeles', '9:37 am — Paged', 'Friday, 5 July 2024 | 09:37 PDT'],
    ['UTC', '12:05 AM — Deploy', 'Friday, 5 July 2024 | 00:05 UTC'],
    ['UTC', '12:30 PM — Lunch deploy', 'Friday, 5 July 2024 | 12:30 UTC'],
    ['America/Los_Angeles', '03:15 UTC — Alarm', 'Thursday, 4 July 2024 | 20:15 PDT'],
    ['America/New_York', '10:15 EDT — Upstream failed', 'Friday, 5 July 2024 | 10:15 EDT'],
    ['Asia/Jakarta', '19.10 WIB — Backup dimulai', 'Friday, 5 July 2024 | 19:10 WIB'],
    ['Asia/Jakarta', '12:00 UTC — Replikasi', 'Friday, 5 July 2024 | 19:00 WIB'],
    ['Asia/Makassar', '2024-07-05 08:00 WIB — Jakarta lebih dulu', 'Friday, 5 July 2024 | 09:00 WITA'],
    ['Australia/Sydney', '2024-01-15 17:46 AEDT — Outage', 'Monday, 15 January 2024 | 17:46 AEDT'],
    ['Australia/Sydney', '17:46 — Winter outage', 'Friday, 5 July 2024 | 17:46 AEST'],
    ['Europe/Amsterdam', '14:00 — Rollout', 'Friday, 5 July 2024 | 14:00 CEST'],
    ['Europe/Amsterdam', '2024-01-10 14:00 — Rollout', 'Wednesday, 10 January 2024 | 14:00 CET'],
    ['Europe/London', '2024-01-10 09:00 — Failover', 'Wednesday, 10 January 2024 | 09:00 GMT'],
    ['Asia/Kolkata', '10:15 IST — Payments down', 'Friday, 5 July 2024 | 10:15 IST'],
    ['Asia/Tokyo', '10:15 — 障害発生', 'Friday, 5 July 2024 | 10:15 JST'],
    ['America/Chicago', '10:15 CST — Storm', 'Friday, 5 July 2024 | 11:15 CDT'],
    ['UTC', '14:00+05:30 — Offset written', 'Friday, 5 July 2024 | 08:30 UTC'],
    ['UTC', '14:00 GMT+7 — GMT offset', 'Friday, 5 July 2024 | 07:00 UTC'],
    ['UTC', '2024-07-05T14:00Z — Zulu', 'Friday, 5 July 2024 | 14:00 UTC'],
    ['America/Los_Angeles', '10:00 ET — Generic eastern', 'Friday, 5 July 2024 | 07:00 PDT'],
    ['UTC', '~14:00 — Approximately', 'Friday, 5 July 2024 | ~14:00 UTC'],
    ['UTC', 'ca. 14:00 — Circa', 'Friday, 5 July 2024 | ~14:00 UTC'],
    ['UTC', '**14:00** — Bold time', 'Friday, 5 July 2024 | 14:00 UTC'],
    ['UTC', '14:00: colon separator', 'Friday, 5 July 2024 | 14:00 UTC'],
    ['UTC', '2024-07-06 — A day without a time', 'Saturday, 6 July 2024 | '],
    ['Asia/Kabul', '10:00 — No abbreviation exists', 'Friday, 5 July 2024 | 10:00 GMT+4:30'],
  ])('%s: "- %s" shows %s', (zone, item, shown) => {
    const result = firstRow(zone, item);
    expect(result.errors).toEqual([]);
    expect(result.shown).toBe(shown);
  });

  it('reads a zone in the heading for every item without its own', () => {
    const result = firstRow('America/Los_Angeles', '03:15 — Alarm', 'Timeline (UTC)');
    expect(result.shown).toBe('Thursday, 4 July 2024 | 20:15 PDT');
    expect(firstRow('Asia/Jakarta', '03:15 — Alarm', 'Kronologi (UTC)').shown).toBe('Friday, 5 July 2024 | 10:15 WIB');
    expect(firstRow('Asia/Jakarta', '03:15 — Alarm', 'Timeline of events (all times in UTC)').shown).toBe(
      'Friday, 5 July 2024 | 10:15 WIB',
    );
  });

  it('keeps an unknown capitalised word as text, with a warning, never dropping it silently', () => {
    const result = firstRow('UTC', '14:00 DNS — resolution failed');
    expect(result.shown).toBe('Friday, 5 July 2024 | 14:00 UTC');
    expect(result.log?.timeline.en?.[0]?.text).toBe('DNS — resolution failed');
    expect(result.findings.map((f) => f.rule)).toContain('timeline/zone');
  });

  it.each([
    ['UTC', '10:15 IST — ambiguous', /"IST" has several meanings \(Asia\/Kolkata .*Europe\/Dublin.*\)/],
    ['Europe/London', '10:15 CST — ambiguous', /"CST" has several meanings/],
    ['Europe/London', '10:15 EDT — not American', /"EDT" has several meanings \(America\/New_York/],
    ['UTC', '13:00 PM — mixed', /13:00 PM mixes a 24-hour time with PM; 12-hour times go from 1 to 12/],
    ['UTC', '2024-02-30 10:00 — no such day', /2024-02-30 is not a day of the calendar \(February 2024 has 29 days\)/],
    ['UTC', '24:00 — midnight', /24:00 is not a time of day; expected 00:00 to 23:59 \(24:00 is 00:00 of the next day\)/],
  ])('%s: "- %s" is one error that says what to write', (zone, item, message) => {
    const result = firstRow(zone, item);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.rule).toBe('timeline/time');
    expect(result.errors[0]?.line).toBe(12);
    expect(result.errors[0]?.message).toMatch(message);
  });
});

describe('front-matter times and zones', () => {
  const detected = (zone: string, value: string) =>
    loadText(logText(`title: T\ntype: incident\nstatus: investigating\ntimezone: ${zone}\ndetected: ${value}`));

  it.each([
    ['America/Los_Angeles', '2024-03-05 2:30 PM', 'Tuesday, 5 March 2024 at 14:30 PST'],
    ['America/Los_Angeles', '2024-03-05 14:30 UTC', 'Tuesday, 5 March 2024 at 06:30 PST'],
    ['Asia/Jakarta', '2015-12-11 19:00', 'Friday, 11 December 2015 at 19:00 WIB'],
    ['Asia/Jakarta', '"2015-12-11T12:00Z"', 'Friday, 11 December 2015 at 19:00 WIB'],
    ['Europe/London', '2024-07-05 10:15 BST', 'Friday, 5 July 2024 at 10:15 BST'],
  ])('%s: detected: %s is shown as %s', (zone, value, shown) => {
    const result = detected(zone, value);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const view = buildView(result.log!, 'report', 'en', { locales, now: Date.UTC(2024, 11, 1) });
    expect(view.facts.find((f) => f.label === 'Detected')?.value).toBe(shown);
  });

  it.each([
    ['31/12/2024 09:37', 'found "31/12/2024 09:37"; expected year-month-day: 2024-12-31T09:37'],
    ['12/31/2024', 'found "12/31/2024"; expected year-month-day: 2024-12-31'],
    ['"09:37"', 'found "09:37"; the date is missing; expected it before the time, such as 2024-12-31T09:37'],
    ['9:37 AM', 'found "9:37 AM"; the date is missing; expected it before the time, such as 2024-12-31T09:37'],
    ['2024-12-31 10:00 XYZ', 'found "2024-12-31 10:00 XYZ": "XYZ" is not a zone warta knows'],
    ['2024-13-01', 'found "2024-13-01": 2024-13-01 has no month 13'],
    ['2024-07-05 10:15 IST', '"IST" has several meanings'],
  ])('detected: %s is one error: %s', (value, message) => {
    const result = detected('UTC', value);
    const errors = result.findings.filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ line: 6, rule: 'front-matter/detected' });
    expect(errors[0]?.message).toContain(message);
  });

  it.each([
    ['BST', /"BST" is an abbreviation, not a zone; expected one of Europe\/London, Asia\/Dhaka/],
    ['IST', /expected one of Asia\/Kolkata, Europe\/Dublin/],
    ['CST', /expected one of America\/Chicago, Asia\/Shanghai/],
    ['EST', /expected one of America\/New_York/],
    ['WIB', /expected Asia\/Jakarta/],
    ['AEST', /expected Australia\/Sydney/],
    ['PST', /expected America\/Los_Angeles/],
    ['US/Pacific', /legacy alias; expected America\/Los_Angeles/],
    ['Asia/Calcutta', /old name; expected Asia\/Kolkata/],
    ['Jakarta', /not an IANA timezone name/],
  ])('timezone: %s is refused with the names to write', (zone, message) => {
    const result = loadText(logText(`title: T\ntype: incident\nstatus: investigating\ntimezone: ${zone}`));
    const errors = result.findings.filter((f) => f.rule === 'front-matter/timezone');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.line).toBe(5);
    expect(errors[0]?.message).toMatch(message);
  });

  it.each(['none', 'TBD', 'tbd', '~'])('rescheduled: %s says "no new date yet" without a warning', (value) => {
    const result = loadText(logText(`title: T\ntype: change\nstatus: postponed\nrescheduled: ${value}`));
    expect(result.findings.filter((f) => f.rule === 'front-matter/rescheduled' || f.severity === 'error')).toEqual([]);
    const view = buildView(result.log!, 'notice', 'en', { locales, now: 0 });
    expect(view.when.find((f) => f.label === 'New date')?.value).toBe('A new date will be announced.');
  });
});

describe('headings people write', () => {
  it.each([
    ['Timeline of events', 'timeline'],
    ['Timeline (UTC)', 'timeline'],
    ['Root Cause Analysis', 'root-cause'],
    ['Action Items', 'actions'],
    ['Kronologi kejadian', 'timeline'],
    ['Tindak lanjut', 'actions'],
  ])('"## %s" is the %s section', (heading, key) => {
    const result = loadText(logText(incident('UTC'), `## ${heading}\n\n- 10:00 — Some text\n\nMore words.\n`));
    expect(result.log?.sections[key] ?? (key === 'timeline' ? result.log?.timeline : undefined)).toBeTruthy();
    expect(result.log?.customSections).toEqual([]);
  });

  it('cuts at a "### Timeline" too, and reads its items', () => {
    const result = loadText(logText(incident('UTC'), '## Summary\n\nIt broke.\n\n### Timeline\n\n- 10:00 — Broke\n- 11:00 — Fixed\n'));
    expect(result.log?.timeline.en).toHaveLength(2);
  });

  it('suggests the known heading for a near miss', () => {
    const result = loadText(logText(incident('UTC'), '## Timelien\n\n- 10:00 — x\n'));
    expect(result.findings.find((f) => f.rule === 'body/unknown-heading')?.message).toContain('did you mean "Timeline"?');
  });

  it('turns a task list under "Action items" into actions, checked = done', () => {
    const body =
      '## Action Items\n\n- [ ] Add a capacity guard — @ops, due 2017-03-15\n- [x] Page the storage team owner: Rina\n- [ ] Review alerts by 15/03/2017\n';
    const result = loadText(logText(incident('UTC'), body));
    const actions = result.log?.actions ?? [];
    expect(actions.map((a) => [a.title.en, a.owner, a.due?.iso.slice(0, 10), a.status])).toEqual([
      ['Add a capacity guard', 'ops', '2017-03-15', 'open'],
      ['Page the storage team', 'Rina', undefined, 'done'],
      ['Review alerts', undefined, undefined, 'open'],
    ]);
    const due = result.findings.find((f) => f.rule === 'actions/due');
    expect(due?.line).toBe(14);
    expect(due?.message).toContain('expected year-month-day: 2017-03-15');
  });
});

describe('a time written with a zone is the same instant in every language', () => {
  it('holds for any instant, zone and offset (fast-check)', () => {
    const zones = ['UTC', 'Asia/Jakarta', 'America/Los_Angeles', 'Europe/London', 'Australia/Sydney', 'Asia/Kolkata'];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2035, 0, 1) }),
        fc.constantFrom(...zones),
        fc.integer({ min: -12 * 4, max: 14 * 4 }).map((q) => q * 15),
        (epoch, zone, offset) => {
          const minute = Math.floor(epoch / 60_000) * 60_000;
          const local = new Date(minute + offset * 60_000).toISOString().slice(0, 16);
          const sign = offset < 0 ? '-' : '+';
          const abs = Math.abs(offset);
          const written = `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
          const result = loadText(
            logText(`title: T\ntype: incident\nstatus: investigating\ntimezone: ${zone}\nlanguages: [en, id]\ndetected: "${written}"`),
          );
          expect(result.log?.detected?.epoch).toBe(minute);
          const en = buildView(result.log!, 'report', 'en', { locales, now: 0 });
          const id = buildView(result.log!, 'report', 'id', { locales, now: 0 });
          const clock = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
            new Date(minute),
          );
          expect(en.facts.find((f) => f.label === 'Detected')?.value).toContain(clock);
          expect(id.facts.find((f) => f.label === 'Terdeteksi')?.value).toContain(clock.replace(':', '.'));
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('an action written twice', () => {
  it('is listed once, from the front matter, with a warning at the list item', () => {
    const fm = `${incident('UTC')}\nactions:\n  - title: Re-introduce the excessive CPU usage protection that was removed\n    owner: WAF team`;
    const body =
      '## Action Items\n\n- [x] Re-introduce the excessive CPU usage protection — @waf-team\n- [ ] Stage every WAF rollout — @sre\n';
    const result = loadText(logText(fm, body));
    expect(result.log?.actions.map((a) => a.title.en)).toEqual([
      'Re-introduce the excessive CPU usage protection that was removed',
      'Stage every WAF rollout',
    ]);
    expect(result.findings.find((f) => f.rule === 'actions/duplicate')?.line).toBe(15);
  });
});

describe('a value one or two letters off a choice', () => {
  it.each([
    ['type: change\nstatus: postponed\ndecision: { outcome: postponed }', 'decision.outcome', 'postpone'],
    ['type: incidnt\nstatus: resolved', 'type', 'incident'],
    ['type: incident\nstatus: resolved\nseverity: sev01', 'severity', 'sev1'],
  ])('%s names the choice meant', (fm, name, near) => {
    const result = loadText(logText(`title: T\n${fm}`));
    const finding = result.findings.find((f) => f.message.startsWith(`${name}:`));
    expect(finding?.message).toContain(`(did you mean "${near}"?)`);
  });
});
