import { describe, expect, it } from 'vitest';
import { buildView } from '../../src/model/build-view.js';
import { loadText, locales, logText } from '../helpers.js';

const load = (frontMatter: string, body?: string) => {
  const result = loadText(logText(frontMatter, body));
  if (!result.log) throw new Error(JSON.stringify(result.findings));
  return result.log;
};

const change = `title: { id: Upgrade ditunda, en: Upgrade postponed }
type: change
status: postponed
languages: [id, en]
timezone: Asia/Jakarta
window: { start: 2015-12-11T19:00, end: 2015-12-12T08:00, actual_start: 2015-12-11T19:00, actual_end: 2015-12-12T15:00 }
decision: { outcome: postpone, at: 2015-12-12T14:00, rationale: { id: Backup belum selesai., en: Backups had not finished. } }
rescheduled: { start: 2015-12-18T19:00 }
impact: { downtime: PT0M, data_loss: false }
actions:
  - { title: { id: Uji restore, en: Test the restore }, owner: Tim TI, due: 2015-12-16, status: open, priority: high }
  - { title: Kirim laporan, owner: Andi, due: 2015-12-12, status: done }
updated: 2015-12-17T09:00`;

describe('buildView', () => {
  it('computes the planned and actual windows, the overrun and the durations in words of the language', () => {
    const view = buildView(load(change), 'report', 'id', { locales });
    const facts = Object.fromEntries(view.facts.map((f) => [f.label, f.value]));
    expect(facts['Jadwal rencana']).toBe('Jumat, 11 Desember 2015 pukul 19.00 – Sabtu, 12 Desember 2015 pukul 08.00 WIB');
    expect(facts['Durasi rencana']).toBe('13 jam');
    expect(facts['Durasi pelaksanaan']).toBe('20 jam');
    expect(facts['Melewati jadwal']).toBe('7 jam');
    expect(facts['Waktu henti']).toBe('0 menit');
    expect(facts['Kehilangan data']).toBe('Tidak ada');
    expect(facts.Keputusan).toBe('Ditunda · Sab, 12 Des, 14.00 WIB');
    expect(facts['Jadwal baru']).toBe('Jumat, 18 Desember 2015 pukul 19.00 WIB');
    expect(view.facts.find((f) => f.label === 'Melewati jadwal')?.tone).toBe('bad');
  });

  it('falls back to the primary language where a text is missing', () => {
    const view = buildView(load(change), 'report', 'en', { locales });
    expect(view.title).toBe('Upgrade postponed');
    expect(view.actions.map((a) => a.titleHtml)).toEqual(['Test the restore', 'Kirim laporan']);
    expect(view.decision?.rationaleHtml).toBe('Backups had not finished.');
    expect(view.decision?.outcomeLabel).toBe('Postpone');
  });

  it('marks open actions past due as overdue, as of the log update', () => {
    const view = buildView(load(change), 'report', 'en', { locales });
    expect(view.actions.map((a) => [a.statusLabel, a.overdue])).toEqual([
      ['Overdue', true],
      ['Done', false],
    ]);
    expect(view.actions[0]?.priority).toBe('High');
    expect(view.asOf).toBe('17 Dec 2015');
    const before = buildView(load(change.replace('updated: 2015-12-17T09:00', 'updated: 2015-12-15T09:00')), 'report', 'en', { locales });
    expect(before.actions[0]?.overdue).toBe(false);
  });

  it('shows the time to resolve of an incident, and in its notice when it started and ended', () => {
    const log = load(
      'title: Outage\ntype: incident\nstatus: resolved\ntimezone: Europe/Amsterdam\ndetected: 2024-03-05T14:02\nresolved: 2024-03-05T16:42\nimpact: { downtime: PT2H18M }',
    );
    const report = buildView(log, 'report', 'en', { locales });
    expect(report.facts.find((f) => f.label === 'Time to resolve')?.value).toBe('2 hours and 40 minutes');
    expect(report.facts.find((f) => f.label === 'Downtime')?.value).toBe('2 hours and 18 minutes');
    const notice = buildView(log, 'notice', 'en', { locales });
    // Users ask when it started, when it ended and for how long: never a downtime alone (issue 11).
    expect(notice.when.map((f) => `${f.label}: ${f.value}`)).toEqual([
      'Started: Tuesday, 5 March 2024 at 14:02 CET',
      'Ended: Tuesday, 5 March 2024 at 16:42 CET',
      'Duration: 2 hours and 40 minutes',
      'Downtime: 2 hours and 18 minutes',
    ]);
  });

  it.each([
    [
      'an ongoing incident',
      'type: incident\nstatus: investigating\ndetected: 2024-03-05T14:02',
      ['Started: Tuesday, 5 March 2024 at 14:02 CET', 'Status: Still ongoing; this notice will be updated'],
    ],
    [
      'a rolled-back change with no new date',
      'type: change\nstatus: rolled-back\nwindow: { start: 2024-03-05T22:00, end: 2024-03-06T02:00, actual_start: 2024-03-05T22:05, actual_end: 2024-03-05T23:23 }\ndecision: { outcome: rollback, at: 2024-03-05T23:10 }\nrescheduled: none',
      [
        'Planned window: Tuesday, 5 March 2024 at 22:00 – Wednesday, 6 March 2024 at 02:00 CET',
        'Actual window: Tuesday, 5 March 2024 at 22:05 – 23:23 CET',
        'Rolled back on: Tuesday, 5 March 2024 at 23:10 CET',
        'New date: A new date will be announced.',
      ],
    ],
    [
      'a postponed change that says nothing of a new date',
      'type: maintenance\nstatus: postponed\nwindow: { start: 2024-03-05T22:00, end: 2024-03-06T02:00 }',
      ['Planned window: Tuesday, 5 March 2024 at 22:00 – Wednesday, 6 March 2024 at 02:00 CET', 'New date: A new date will be announced.'],
    ],
  ])('says when in the notice of %s', (_name, frontMatter, when) => {
    const log = load(`title: X\ntimezone: Europe/Amsterdam\n${frontMatter}`);
    expect(buildView(log, 'notice', 'en', { locales }).when.map((f) => `${f.label}: ${f.value}`)).toEqual(when);
  });

  it('renders section Markdown to HTML and says when a section fell back to another language', () => {
    const log = load(change, '## Ringkasan\n\nIni **penting**.\n\n## Summary\n\nThis is **important**.\n\n## Pelajaran\n\nBackup dulu.\n');
    const en = buildView(log, 'lessons', 'en', { locales });
    expect(en.sections.summary?.html).toBe('<p>This is <strong>important</strong>.</p>\n');
    expect(en.sections.lessons).toMatchObject({ heading: 'Lessons learned', lang: 'id', fallback: true });
    expect(en.sections.lessons?.html).toContain('Backup dulu.');
  });

  it('leaves out what the log does not have', () => {
    const view = buildView(load('title: Minimal\ntype: change\nstatus: completed'), 'report', 'en', { locales });
    expect(view.facts).toEqual([]);
    expect(view.decision).toBeUndefined();
    expect(view.rescheduled).toBeUndefined();
    expect(view.timeline).toEqual([]);
    expect(view.timelineSvg).toBe('');
    expect(JSON.stringify(view)).not.toMatch(/undefined|NaN|Invalid Date/);
  });
});
