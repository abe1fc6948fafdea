import { describe, expect, it } from 'vitest';
import { buildView } from '../../src/model/build-view.js';
import { phaseDurations } from '../../src/model/phase-durations.js';
import { loadText, locales, logText } from '../helpers.js';
import { loadV11, v11Log } from './v11-log.js';

const now = Date.UTC(2024, 2, 15);

describe('format v1.1 in the view', () => {
  it('the log validates without a finding', () => {
    expect(loadV11().findings).toEqual([]);
  });

  it('gives time to detect, to mitigate and to resolve from the start of the impact', () => {
    const { log } = loadV11();
    expect(phaseDurations(log)).toEqual({ toDetectMs: 12 * 60_000, toMitigateMs: 90 * 60_000, toResolveMs: 172 * 60_000 });
    expect(phaseDurations({ detected: log.detected, mitigated: log.mitigated, resolved: log.resolved })).toEqual({
      toMitigateMs: 78 * 60_000,
      toResolveMs: 160 * 60_000,
    });
    const en = buildView(log, 'report', 'en', { locales, now });
    const facts = Object.fromEntries(en.facts.map((f) => [f.label, f.value]));
    expect(facts['Impact began']).toBe('Tuesday, 5 March 2024 at 13:50 WIB');
    expect(facts.Mitigated).toBe('Tuesday, 5 March 2024 at 15:20 WIB');
    expect(facts['Time to detect']).toBe('12 minutes');
    expect(facts['Time to mitigate']).toBe('1 hour and 30 minutes');
    expect(facts['Time to resolve']).toBe('2 hours and 52 minutes');
    const id = buildView(log, 'report', 'id', { locales, now });
    const fakta = Object.fromEntries(id.facts.map((f) => [f.label, f.value]));
    expect(fakta['Dampak dimulai']).toBe('Selasa, 5 Maret 2024 pukul 13.50 WIB');
    expect(fakta['Dampak diredam']).toBe('Selasa, 5 Maret 2024 pukul 15.20 WIB');
    expect(fakta['Waktu hingga terdeteksi']).toBe('12 menit');
    expect(fakta['Waktu hingga dampak diredam']).toBe('1 jam dan 30 menit');
    expect(fakta['Waktu penanganan']).toBe('2 jam dan 52 menit');
    expect(id.facts.map((f) => f.label).slice(0, 4)).toEqual(['Dampak dimulai', 'Terdeteksi', 'Dampak diredam', 'Selesai ditangani']);
  });

  it('shows people and the organization in the language of the document', () => {
    const { log } = loadV11();
    const en = buildView(log, 'report', 'en', { locales, now });
    expect(en.organization).toBe('Communications and Informatics Agency');
    expect(en.author).toBe('Budi Santoso, Head of IT');
    expect(en.approvers).toEqual(['Sari Dewi, Director']);
    expect(en.people).toEqual([
      { label: 'Incident commander', value: 'Rina Wulandari (incident commander)' },
      { label: 'Responders', value: 'Network team and Andi Pratama', wide: true },
      { label: 'Post-mortem owner', value: 'Rina Wulandari' },
    ]);
    expect(en.actions.map((a) => a.owner)).toEqual(['SRE team', 'Andi Pratama', undefined, undefined]);
    const id = buildView(log, 'lessons', 'id', { locales, now });
    expect(id.organization).toBe('Dinas Komunikasi dan Informatika');
    expect(id.author).toBe('Budi Santoso, Kepala TI');
    expect(id.approvers).toEqual(['Sari Dewi, Direktur']);
    expect(id.people.map((p) => `${p.label}: ${p.value}`)).toEqual([
      'Komandan insiden: Rina Wulandari (komandan insiden)',
      'Tim respons: Tim Jaringan dan Andi Pratama',
      'Penanggung jawab post-mortem: Rina Wulandari',
    ]);
    expect(id.actions[0]?.owner).toBe('Tim SRE');
  });

  it('writes impact figures with the digits of the language', () => {
    const { log } = loadV11();
    expect(buildView(log, 'report', 'en', { locales, now }).figures).toEqual([
      { label: 'Failed payments', value: '18,400', unit: 'payments', amount: '18,400 payments' },
      { label: 'Share of failed requests', value: '31.5', unit: '%', amount: '31.5%' },
    ]);
    expect(buildView(log, 'report', 'id', { locales, now }).figures.map((f) => `${f.label}: ${f.amount}`)).toEqual([
      'Transaksi gagal: 18.400 transaksi',
      'Porsi permintaan gagal: 31,5%',
    ]);
  });

  it('lists every decision with its time, keeps the v1 decision as the main one and highlights their rows', () => {
    const { log } = loadV11();
    const en = buildView(log, 'lessons', 'en', { locales, now });
    expect(en.decision?.outcomeLabel).toBe('Roll back');
    expect(en.decisions.map((d) => [d.time, d.outcomeLabel ?? d.textHtml, d.by])).toEqual([
      ['Tue 5 Mar, 14:31 WIB', 'Do not pay the ransom', 'The board'],
      ['Tue 5 Mar, 15:14 WIB', 'Roll back', 'Incident commander'],
    ]);
    expect(en.timeline.map((row) => row.decision)).toEqual([false, true, true, false]);
    const id = buildView(log, 'lessons', 'id', { locales, now });
    expect(id.decisions[0]?.textHtml).toBe('Jangan bayar tebusan');
    expect(id.decisions[0]?.rationaleHtml).toBe('Cadangan masih utuh.');
  });

  it('shows the words of a main decision that has no outcome among the facts', () => {
    const result = loadText(
      logText(
        'title: Ransomware\ntype: incident\nstatus: monitoring\ndecisions:\n  - { at: 2023-05-08T10:00, decision: Do not pay the ransom }',
      ),
    );
    const view = buildView(result.log!, 'report', 'en', { locales, now });
    expect(view.facts.find((f) => f.label === 'Decision')).toMatchObject({
      value: 'Do not pay the ransom · Mon 8 May, 10:00 UTC',
      tone: 'strong',
    });
    expect(view.decision?.textHtml).toBe('Do not pay the ransom');
  });

  it('words typed, linked and completed actions; done and wont-do are closed and never overdue', () => {
    const { log } = loadV11();
    const en = buildView(log, 'report', 'en', { locales, now });
    expect(en.actionTypes).toBe(true);
    expect(en.actions.map((a) => [a.typeLabel, a.statusLabel, a.statusClass, a.closed, a.overdue])).toEqual([
      ['Detect', 'Done', 'state-done', true, false],
      ['Prevent', 'Overdue', 'state-overdue', false, true],
      ['Mitigate', "Won't do", 'state-closed', true, false],
      ['Process', 'Overdue', 'state-overdue', false, true],
    ]);
    expect(en.actions[0]?.linkHtml).toBe('JIRA-123');
    expect(en.actions[0]?.doneOn).toBe('7 Mar 2024');
    expect(en.actions[1]?.linkHtml).toBe(
      '<a class="url" href="https://tracker.example/browse/OPS-7" rel="noopener noreferrer nofollow">https://tracker.example/browse/OPS-7</a>',
    );
    // Only http and https become links; anything else is shown as text.
    expect(en.actions[2]?.linkHtml).toBe('javascript:alert(1)');
    expect(en.openActions).toBe(2);
    const id = buildView(log, 'report', 'id', { locales, now });
    expect(id.actions.map((a) => `${a.typeLabel} · ${a.statusLabel}`)).toEqual([
      'Deteksi · Selesai',
      'Pencegahan · Terlambat',
      'Mitigasi · Tidak dikerjakan',
      'Proses · Terlambat',
    ]);
    // Before its due date, an action in progress says so.
    const before = loadText(v11Log.replace('updated: 2024-03-15T10:00', 'updated: 2024-03-06T10:00')).log!;
    const early = buildView(before, 'report', 'en', { locales, now });
    expect(early.actions[1]?.statusLabel).toBe('In progress');
    expect(early.actions[1]?.statusClass).toBe('state-open');
  });

  it('builds the trigger, detection and resolution sections in each language', () => {
    const { log } = loadV11();
    for (const [lang, heading, html] of [
      ['en', 'Trigger', '<p>Release <strong>v4.18.0</strong>.</p>\n'],
      ['id', 'Pemicu', '<p>Rilis <strong>v4.18.0</strong>.</p>\n'],
    ] as const) {
      const view = buildView(log, 'lessons', lang, { locales, now });
      expect(view.sections.trigger).toMatchObject({ heading, html, fallback: false });
      expect(view.sections.detection?.heading).toBe(lang === 'en' ? 'Detection' : 'Deteksi');
      expect(view.sections.resolution?.heading).toBe(lang === 'en' ? 'Resolution and recovery' : 'Penanganan dan pemulihan');
    }
  });
});
