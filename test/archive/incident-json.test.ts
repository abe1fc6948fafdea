import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArchive } from '../../src/archive/build-archive.js';
import { toIncidentJson } from '../../src/archive/incident-json.js';
import { loadText, locales, logText, tempDir } from '../helpers.js';
import { loadV11 } from '../model/v11-log.js';

describe('incidents.json: format v1.1', () => {
  it('exports phases, their durations in milliseconds, roles, names per language, decisions, figures and typed actions', () => {
    const { log } = loadV11();
    const json = toIncidentJson(log, { documents: [], sourceRoot: '/virtual' });
    expect(json.started).toBe('2024-03-05T13:50:00.000+07:00');
    expect(json.mitigated).toBe('2024-03-05T15:20:00.000+07:00');
    expect([json.timeToDetectMs, json.timeToMitigateMs, json.timeToResolveMs]).toEqual([720_000, 5_400_000, 10_320_000]);
    expect(json.organization).toBe('Dinas Komunikasi dan Informatika');
    expect(json.organizationName).toEqual({ id: 'Dinas Komunikasi dan Informatika', en: 'Communications and Informatics Agency' });
    expect(json.author).toBe('Budi Santoso, Kepala TI');
    expect(json.approvers).toEqual(['Sari Dewi, Direktur']);
    expect(json.approverNames).toEqual([{ id: 'Sari Dewi, Direktur', en: 'Sari Dewi, Director' }]);
    expect(json.commander?.en).toBe('Rina Wulandari (incident commander)');
    expect(json.responders).toEqual([{ id: 'Tim Jaringan', en: 'Network team' }, { id: 'Andi Pratama' }]);
    expect(json.postmortemOwner).toEqual({ id: 'Rina Wulandari', en: 'Rina Wulandari' });
    expect(json.decision?.outcome).toBe('rollback');
    expect(json.decisions.map((d) => [d.at, d.outcome, d.text?.en ?? null])).toEqual([
      ['2024-03-05T14:31:00.000+07:00', null, 'Do not pay the ransom'],
      ['2024-03-05T15:14:00.000+07:00', 'rollback', null],
    ]);
    expect(json.impact?.figures).toEqual([
      { label: { id: 'Transaksi gagal', en: 'Failed payments' }, value: 18400, unit: { id: 'transaksi', en: 'payments' } },
      { label: { id: 'Porsi permintaan gagal', en: 'Share of failed requests' }, value: 31.5, unit: { id: '%' } },
    ]);
    expect(json.actions.map((a) => [a.owner, a.type, a.link, a.status, a.done])).toEqual([
      ['Tim SRE', 'detect', 'JIRA-123', 'done', '2024-03-07T00:00:00.000+07:00'],
      ['Andi Pratama', 'prevent', 'https://tracker.example/browse/OPS-7', 'in-progress', null],
      [null, 'mitigate', 'javascript:alert(1)', 'wont-do', null],
      [null, 'process', null, 'open', null],
    ]);
    expect(json.actions[0]?.ownerName).toEqual({ id: 'Tim SRE', en: 'SRE team' });
    // JSON-safe: nothing undefined anywhere.
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('gives every new key for a v1 log too, null or empty', () => {
    const { log } = loadText(logText('title: T\ntype: incident\nstatus: resolved\ndetected: 2024-01-01T10:00\nresolved: 2024-01-01T11:00'));
    if (!log) throw new Error('the log does not validate');
    const json = toIncidentJson(log, { documents: [], sourceRoot: '/virtual' });
    expect(json).toMatchObject({
      started: null,
      mitigated: null,
      timeToDetectMs: null,
      timeToMitigateMs: null,
      timeToResolveMs: 3_600_000,
      organizationName: null,
      authorName: null,
      approverNames: [],
      commander: null,
      responders: [],
      postmortemOwner: null,
      decision: null,
      decisions: [],
      impact: null,
    });
  });
});

describe('the archive and format v1.1 actions', () => {
  it('lists open and in-progress actions as open, shows in progress, and writes every status to actions.csv', () => {
    const { log } = loadV11();
    const out = tempDir('warta-archive-v11-');
    buildArchive({ logs: [log], outDir: out, locales, formats: [], docs: [], now: Date.UTC(2024, 2, 6) });
    const page = readFileSync(join(out, 'actions.html'), 'utf8');
    expect(page).toContain('Fix the pipeline');
    expect(page).toContain('Write the runbook');
    expect(page).toContain('<span class="state state-progress">In progress</span>');
    // Done and wont-do are closed: not on the page of open actions.
    expect(page).not.toContain('Add a latency alert');
    expect(page).not.toContain('Roll back every service');
    const csv = readFileSync(join(out, 'actions.csv'), 'utf8').split('\r\n');
    const status = csv[0]?.split(',').indexOf('status') ?? -1;
    expect(csv.slice(1, -1).map((row) => row.split(',')[status])).toEqual(['done', 'wont-do', 'open', 'in-progress']);
    const incident = readFileSync(join(out, log.id, 'index.html'), 'utf8');
    expect(incident).toContain('Communications and Informatics Agency');
    expect(incident).toContain('In progress');
  });
});
