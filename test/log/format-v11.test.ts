import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frontMatterJsonSchema } from '../../src/log/front-matter-json-schema.js';
import { timePaths } from '../../src/log/front-matter-schema.js';
import { loadText, logText } from '../helpers.js';

/** Format v1.1: phases, roles, names per language, decisions, impact figures, typed actions, new sections. */

const incident = 'title: Outage\ntype: incident\nstatus: resolved\ntimezone: Asia/Jakarta\nresolved: 2024-03-05T16:42';
const bilingual =
  'title: { id: Gangguan, en: Outage }\ntype: incident\nstatus: resolved\nlanguages: [id, en]\ntimezone: Asia/Jakarta\nresolved: 2024-03-05T16:42';

/** A body with its summary in both languages of a bilingual log. */
const bothLanguages = '## Ringkasan\n\nSudah pulih.\n\n## Summary\n\nRecovered.\n';

const load = (frontMatter: string, body?: string) => {
  const result = loadText(logText(frontMatter, body ?? (frontMatter.includes('languages: [id, en]') ? bothLanguages : undefined)));
  if (!result.log) throw new Error(JSON.stringify(result.findings));
  return { log: result.log, findings: result.findings };
};

describe('format v1.1: reading and normalizing', () => {
  it('reads the phases of an incident as times in the log zone, and honours a zone written after one', () => {
    const { log, findings } = load(`${incident}\nstarted: 2024-03-05 13:58\ndetected: 2024-03-05T14:02\nmitigated: 2024-03-05 09:18 UTC`);
    expect(findings).toEqual([]);
    expect(log.started?.iso).toBe('2024-03-05T13:58:00.000+07:00');
    expect(log.detected?.iso).toBe('2024-03-05T14:02:00.000+07:00');
    // 09:18 UTC is 16:18 WIB, the same instant; the documents show it in the log's zone.
    expect(log.mitigated?.epoch).toBe(Date.parse('2024-03-05T16:18:00+07:00'));
    expect(log.mitigated?.written).toBe('UTC');
  });

  it('reads roles, and names per language, keeping a plain text in the primary language next to them', () => {
    const { log, findings } = load(
      [
        bilingual,
        'organization: { id: Dinas Kominfo, en: Communications Agency }',
        'author: { id: Budi Santoso (Kepala TI), en: Budi Santoso (Head of IT) }',
        'approvers:',
        '  - { id: "Sari, Direktur", en: "Sari, Director" }',
        '  - Andi',
        'commander: { id: Rina (komandan), en: Rina (commander) }',
        'responders: [Tim Jaringan, { id: Tim Basis Data, en: Database team }]',
        'postmortem_owner: Rina',
      ].join('\n'),
    );
    expect(findings).toEqual([]);
    expect(log.organization).toBe('Dinas Kominfo');
    expect(log.organizationName).toEqual({ id: 'Dinas Kominfo', en: 'Communications Agency' });
    expect(log.author).toBe('Budi Santoso (Kepala TI)');
    expect(log.authorName?.en).toBe('Budi Santoso (Head of IT)');
    expect(log.approvers).toEqual(['Sari, Direktur', 'Andi']);
    expect(log.approverNames).toEqual([{ id: 'Sari, Direktur', en: 'Sari, Director' }, { id: 'Andi' }]);
    expect(log.commander).toEqual({ id: 'Rina (komandan)', en: 'Rina (commander)' });
    expect(log.responders).toEqual([{ id: 'Tim Jaringan' }, { id: 'Tim Basis Data', en: 'Database team' }]);
    expect(log.postmortemOwner).toEqual({ id: 'Rina' });
  });

  it('keeps a plain organization and author as they were in v1', () => {
    const { log } = load(`${incident}\norganization: Grachtwerk B.V.\nauthor: Marit\napprovers: [Eva]`);
    expect(log.organization).toBe('Grachtwerk B.V.');
    expect(log.organizationName).toEqual({ en: 'Grachtwerk B.V.' });
    expect(log.author).toBe('Marit');
    expect(log.approvers).toEqual(['Eva']);
  });

  it('reads typed, linked and completed actions with the four statuses', () => {
    const { log, findings } = load(
      [
        incident,
        'actions:',
        '  - { title: Add an alert, owner: { en: SRE team }, type: detect, link: JIRA-123, status: in-progress }',
        '  - { title: Roll back, type: mitigate, link: "https://tracker.example/browse/OPS-7", status: wont-do }',
        '  - { title: Fix the pool, type: prevent, due: 2024-03-08, done: 2024-03-07 }',
        '  - { title: Write the runbook, type: process }',
      ].join('\n'),
    );
    expect(findings).toEqual([]);
    expect(log.actions.map((a) => [a.type, a.link, a.status])).toEqual([
      ['detect', 'JIRA-123', 'in-progress'],
      ['mitigate', 'https://tracker.example/browse/OPS-7', 'wont-do'],
      ['prevent', undefined, 'done'],
      ['process', undefined, 'open'],
    ]);
    expect(log.actions[0]?.owner).toBe('SRE team');
    expect(log.actions[0]?.ownerName).toEqual({ en: 'SRE team' });
    // A completion date alone says the action is done.
    expect(log.actions[2]?.done?.iso).toBe('2024-03-07T00:00:00.000+07:00');
    expect(log.actions[2]?.done?.dateOnly).toBe(true);
  });

  it('reads impact figures with localized labels and units', () => {
    const { log, findings } = load(
      [
        bilingual,
        'impact:',
        '  figures:',
        '    - { label: { id: Transaksi gagal, en: Failed payments }, value: 18400 }',
        "    - { label: { id: Porsi permintaan gagal, en: Share of failed requests }, value: 31.5, unit: '%' }",
        '    - { label: { id: Durasi, en: Duration }, value: 2, unit: { id: jam, en: hours } }',
      ].join('\n'),
    );
    expect(findings).toEqual([]);
    expect(log.impact?.figures).toEqual([
      { label: { id: 'Transaksi gagal', en: 'Failed payments' }, value: 18400, unit: undefined },
      { label: { id: 'Porsi permintaan gagal', en: 'Share of failed requests' }, value: 31.5, unit: { id: '%' } },
      { label: { id: 'Durasi', en: 'Duration' }, value: 2, unit: { id: 'jam', en: 'hours' } },
    ]);
  });

  it('lists every decision in time order, v1 decision included, and keeps the v1 decision as the main one', () => {
    const { log, findings } = load(
      [
        incident,
        'decision: { outcome: rollback, at: 2024-03-05T15:14, by: Marit }',
        'decisions:',
        '  - { at: 2024-03-05T16:00, outcome: proceed, decision: Reopen card traffic }',
        '  - { at: 2024-03-05T14:31, decision: Move card traffic to the secondary acquirer, rationale: The acquirer was slow }',
      ].join('\n'),
    );
    expect(findings).toEqual([]);
    expect(log.decisions.map((d) => d.at?.iso.slice(11, 16))).toEqual(['14:31', '15:14', '16:00']);
    expect(log.decisions[0]?.text).toEqual({ en: 'Move card traffic to the secondary acquirer' });
    expect(log.decision?.outcome).toBe('rollback');
    expect(log.decision?.by).toEqual({ en: 'Marit' });
  });

  it('takes as main decision the last with an outcome, else the last, when there is no v1 decision', () => {
    const withOutcome = load(
      `${incident}\ndecisions:\n  - { at: 2024-03-05T14:00, outcome: abort }\n  - { at: 2024-03-05T15:00, decision: Do not pay the ransom }`,
    ).log;
    expect(withOutcome.decision?.outcome).toBe('abort');
    const words = load(`${incident}\ndecisions:\n  - decision: Restore site by site\n  - decision: Do not pay the ransom`).log;
    expect(words.decision?.text).toEqual({ en: 'Do not pay the ransom' });
    // Without a time on each, decisions stay in the order written.
    expect(words.decisions.map((d) => d.text?.en)).toEqual(['Restore site by site', 'Do not pay the ransom']);
  });

  it('every v1 log stays as it was: one decision, no phases, no roles', () => {
    const { log } = load(`${incident}\ndetected: 2024-03-05T14:02\ndecision: { outcome: rollback, at: 2024-03-05T15:14 }`);
    expect(log.decisions).toHaveLength(1);
    expect(log.decisions[0]).toBe(log.decision);
    expect(log.started).toBeUndefined();
    expect(log.mitigated).toBeUndefined();
    expect(log.responders).toEqual([]);
    expect(log.commander).toBeUndefined();
  });

  it.each([
    ['Trigger', 'trigger'],
    ['Triggers', 'trigger'],
    ['Pemicu', 'trigger'],
    ['Detection', 'detection'],
    ['Deteksi', 'detection'],
    ['Resolution', 'resolution'],
    ['Recovery', 'resolution'],
    ['Pemulihan', 'resolution'],
    ['Penanganan', 'resolution'],
  ])('reads "## %s" as the %s section', (heading, key) => {
    const { log } = load(bilingual, `## ${heading}\n\nText.\n`);
    expect(Object.keys(log.sections)).toEqual([key]);
    expect(log.customSections).toEqual([]);
  });

  it('keeps the trigger apart from the root cause', () => {
    const { log } = load(incident, '## Trigger\n\nA deploy.\n\n## Root cause\n\nA default changed.\n\n### Recovery\n\nRolled back.\n');
    expect(log.sections.trigger?.text.en?.markdown).toBe('A deploy.');
    expect(log.sections['root-cause']?.text.en?.markdown).toBe('A default changed.');
    expect(log.sections.resolution?.text.en?.markdown).toBe('Rolled back.');
  });
});

describe('format v1.1: checks', () => {
  // Each wrong value gives exactly one finding, on its own line, naming what was found and what is expected.
  it.each([
    ['started: 2021-13-01T09:00', 7, 'error', 'front-matter/started', 'started: found "2021-13-01T09:00": 2021-13-01 has no month 13'],
    ['mitigated: 9:18', 7, 'error', 'front-matter/mitigated', 'mitigated: found "9:18"'],
    [
      'detected: 2024-03-05T14:00\nmitigated: 2024-03-05T13:00',
      8,
      'error',
      'front-matter/time-order',
      'mitigated: comes before detected; expected it to be later',
    ],
    [
      'started: 2024-03-05T15:00\ndetected: 2024-03-05T14:00',
      8,
      'error',
      'front-matter/time-order',
      'detected: comes before started; expected it to be later',
    ],
    ['started: 2024-03-05T17:00', 6, 'error', 'front-matter/time-order', 'resolved: comes before started; expected it to be later'],
    ['mitigated: 2024-03-05T17:00', 6, 'error', 'front-matter/time-order', 'resolved: comes before mitigated; expected it to be later'],
    ['responders: Budi', 7, 'error', 'front-matter/responders', 'responders: found "Budi"; expected a list of names'],
    ['commander: [a, b]', 7, 'error', 'front-matter/commander', 'commander: found a list; expected a name'],
    ['postmortem_owner: 12', 7, 'error', 'front-matter/postmortem_owner', 'postmortem_owner: found number 12; expected a name'],
    ['organization: { en: "" }', 7, 'error', 'front-matter/organization', 'organization.en: found ""; expected non-empty text'],
    [
      'actions:\n  - title: X\n    type: fix',
      9,
      'error',
      'front-matter/actions',
      'actions.0.type: found "fix"; expected one of detect, mitigate, prevent, process',
    ],
    [
      'actions:\n  - title: X\n    status: closed',
      9,
      'error',
      'front-matter/actions',
      'actions.0.status: found "closed"; expected one of open, in-progress, done, wont-do',
    ],
    ['actions:\n  - title: X\n    done: yesterday', 9, 'error', 'front-matter/actions', 'actions.0.done: found "yesterday"'],
    ['actions:\n  - title: X\n    link: 123', 9, 'error', 'front-matter/actions', 'actions.0.link: found number 123; expected text'],
    [
      'actions:\n  - title: X\n    status: open\n    done: 2024-03-06',
      10,
      'warning',
      'front-matter/actions',
      'actions.0.done: a completion date, but the status is open; expected status: done, or no done date',
    ],
    [
      'impact:\n  figures:\n    - label: Failed\n      value: "1,200"',
      10,
      'error',
      'front-matter/impact',
      'impact.figures.0.value: found "1,200"; expected a number',
    ],
    ['impact:\n  figures:\n    - value: 3', 9, 'error', 'front-matter/impact', 'impact.figures.0.label: missing'],
    [
      'impact:\n  figures:\n    - label: A\n      value: 3\n      units: x',
      11,
      'error',
      'front-matter/impact',
      'impact.figures.0: found the unknown key "units"; expected a map {label, value, unit}',
    ],
    ['impact:\n  figures: 3', 8, 'error', 'front-matter/impact', 'impact.figures: found number 3; expected a list of {label, value, unit}'],
    ['decisions:\n  at: 2024-03-05T15:00', 8, 'error', 'front-matter/decisions', 'decisions: found a map; expected a list of decisions'],
    ['decisions:\n  - at: 2024-03-05T25:00', 8, 'error', 'front-matter/decisions', 'decisions.0.at: found "2024-03-05T25:00"'],
    [
      'decisions:\n  - outcome: maybe',
      8,
      'error',
      'front-matter/decisions',
      'decisions.0.outcome: found "maybe"; expected one of proceed, rollback, postpone, abort',
    ],
    ['decisions:\n  - verdict: pay', 8, 'error', 'front-matter/decisions', 'decisions.0: found the unknown key "verdict"'],
    ['decision:\n  verdict: pay', 8, 'error', 'front-matter/decision', 'decision: found the unknown key "verdict"'],
  ] as const)('%j gives one finding on line %i', (extra, line, severity, rule, message) => {
    const result = loadText(logText(`${incident}\n${extra}`));
    expect(result.findings).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ line, severity, rule });
    expect(result.findings[0]?.message).toContain(message);
  });

  it('checks the translations of every new localized value', () => {
    const result = loadText(
      logText(
        [
          bilingual,
          'organization: { id: Dinas Kominfo }',
          'author: { id: Budi }',
          'approvers: [{ id: Sari }]',
          'commander: { id: Rina }',
          'responders: [{ id: Tim Jaringan }]',
          'postmortem_owner: { id: Rina }',
          'impact:',
          '  figures:',
          '    - { label: { id: Transaksi gagal }, value: 3, unit: { id: transaksi } }',
          'decisions:',
          '  - decision: { id: Jangan bayar tebusan }',
          '    rationale: { id: Data cadangan masih utuh }',
          '    by: { id: Direksi }',
          '    alternatives: [{ option: { id: Bayar }, risk: { id: Tidak ada jaminan } }]',
          'decision: { decision: { id: Pulihkan per lokasi } }',
          'actions:',
          '  - { title: { id: Uji restore, en: Test the restore }, owner: { id: Tim TI } }',
        ].join('\n'),
        bothLanguages,
      ),
    );
    const missing = result.findings.filter((f) => f.rule === 'translation/missing');
    expect(missing.map((f) => [f.line, f.message.split(':')[0]])).toEqual([
      [8, 'organization'],
      [9, 'author'],
      [10, 'approvers.0'],
      [11, 'commander'],
      [12, 'responders.0'],
      [13, 'postmortem_owner'],
      [16, 'impact.figures.0.label'],
      [16, 'impact.figures.0.unit'],
      [18, 'decisions.0.decision'],
      [19, 'decisions.0.rationale'],
      [20, 'decisions.0.by'],
      [21, 'decisions.0.alternatives.0.option'],
      [21, 'decisions.0.alternatives.0.risk'],
      [22, 'decision.decision'],
      [24, 'actions.0.owner'],
    ]);
    for (const finding of missing) expect(finding.message).toMatch(/no text in "en"; the id text is shown instead/);
    expect(result.findings.filter((f) => f.rule !== 'translation/missing')).toEqual([]);
  });

  it('puts the new times among the times read and checked like the others', () => {
    for (const path of [['started'], ['mitigated'], ['decisions', '*', 'at'], ['actions', '*', 'done']])
      expect(timePaths.map((p) => p.join('.'))).toContain(path.join('.'));
  });
});

describe('format v1.1: warta schema', () => {
  const schema = frontMatterJsonSchema() as {
    title: string;
    properties: Record<
      string,
      { anyOf?: unknown[]; items?: { properties?: Record<string, unknown> }; properties?: Record<string, unknown> }
    >;
  };

  it('describes every new key', () => {
    expect(schema.title).toContain('v1.1');
    for (const key of ['started', 'mitigated', 'commander', 'responders', 'postmortem_owner', 'decisions'])
      expect(schema.properties, key).toHaveProperty(key);
    expect(Object.keys(schema.properties.actions?.items?.properties ?? {})).toEqual(
      expect.arrayContaining(['type', 'link', 'done', 'status', 'owner']),
    );
    expect(JSON.stringify(schema.properties.actions)).toContain('"wont-do"');
    expect(schema.properties.impact?.properties).toHaveProperty('figures');
    expect(JSON.stringify(schema.properties.decisions)).toContain('"pattern"');
    expect(JSON.stringify(schema.properties.organization)).toContain('"anyOf"');
  });
});

describe('format v1.1: a real post-mortem', () => {
  const file = resolve(import.meta.dirname, '../fixtures/valid/2021-06-08-fastly-global-outage.md');

  it('the Fastly outage of 8 June 2021, written the way its authors wrote it, validates without a single finding', () => {
    const result = loadText(readFileSync(file, 'utf8'), '2021-06-08-fastly-global-outage.md');
    expect(result.findings).toEqual([]);
    const log = result.log;
    expect(log?.started?.epoch).toBe(Date.UTC(2021, 5, 8, 9, 47));
    expect(log?.detected?.epoch).toBe(Date.UTC(2021, 5, 8, 9, 48));
    expect(log?.mitigated?.epoch).toBe(Date.UTC(2021, 5, 8, 12, 35));
    expect(log?.resolved?.epoch).toBe(Date.UTC(2021, 5, 8, 12, 44));
    expect(log?.decisions).toHaveLength(3);
    expect(log?.decision?.text?.en).toBe('Disable the customer configuration that triggers the bug');
    expect(log?.impact?.figures).toHaveLength(4);
    expect(log?.actions.map((a) => a.status)).toEqual(['done', 'in-progress', 'open', 'open', 'wont-do']);
    expect(Object.keys(log?.sections ?? {})).toEqual(
      expect.arrayContaining(['trigger', 'root-cause', 'detection', 'resolution', 'timeline']),
    );
    expect(log?.timeline.en).toHaveLength(9);
    expect(log?.timeline.id).toHaveLength(9);
  });
});
