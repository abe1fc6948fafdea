import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildView } from '../../src/model/build-view.js';
import { loadText, locales } from '../helpers.js';

/** Logs written from real public post-mortems the way their authors wrote them (test/fixtures/real/). */
const dir = resolve(import.meta.dirname, '../fixtures/real');
const read = (name: string) => loadText(readFileSync(join(dir, name), 'utf8'), name);
const rows = (name: string, lang: string) => {
  const { log } = read(name);
  return buildView(log!, 'report', lang, { locales, now: Date.UTC(2026, 0, 1) }).timeline.map((row) => `${row.number} ${row.time}`.trim());
};

describe('real post-mortems', () => {
  it.each(['2019-07-02-cloudflare-waf-regex.md', '2023-11-08-optus-network-outage.md', '2023-05-08-bsi-layanan-terganggu.md'])(
    '%s validates without errors',
    (name) => {
      expect(read(name).findings.filter((f) => f.severity === 'error')).toEqual([]);
    },
  );

  it('Cloudflare: "Timeline (UTC)" items, Root Cause Analysis, and the task list merged with the front matter', () => {
    const { log, findings } = read('2019-07-02-cloudflare-waf-regex.md');
    expect(rows('2019-07-02-cloudflare-waf-regex.md', 'en')).toHaveLength(9);
    expect(log?.sections['root-cause']).toBeDefined();
    expect(log?.customSections).toEqual([]);
    expect(log?.actions.map((a) => a.status)).toEqual(['done', 'open', 'open', 'open']);
    expect(findings.map((f) => f.rule)).toContain('actions/duplicate');
  });

  it('Optus: 12-hour times in AEDT, an approximate time and a day without a time', () => {
    expect(rows('2023-11-08-optus-network-outage.md', 'en')).toEqual([
      '1 04:05 AEDT',
      '2 ~04:30 AEDT',
      '3 06:00 AEDT',
      '4 10:00 AEDT',
      '5 13:00 AEDT',
      '6 17:30 AEDT',
      '7',
    ]);
  });

  it('BSI: Indonesian and English timelines with days, WIB in both languages, actions from both lists', () => {
    const { log } = read('2023-05-08-bsi-layanan-terganggu.md');
    expect(rows('2023-05-08-bsi-layanan-terganggu.md', 'id')).toEqual(['1 06.00 WIB', '2 11.30 WIB', '3', '4', '5']);
    expect(rows('2023-05-08-bsi-layanan-terganggu.md', 'en')).toEqual(['1 06:00 WIB', '2 11:30 WIB', '3', '4', '5']);
    expect(log?.actions.map((a) => [a.title.id, a.title.en])).toEqual([
      ['Uji pemulihan dari cadangan setiap kuartal', 'Test restoring from backups every quarter'],
      ['Pisahkan jaringan cadangan dari jaringan produksi', 'Separate the backup network from the production network'],
    ]);
  });
});

describe('durations to a day without a time', () => {
  it('are whole days: BSI resolved on 11 May, detected 8 May 06:00, took 3 days (not "2 days and 18 hours")', () => {
    const { log } = read('2023-05-08-bsi-layanan-terganggu.md');
    const en = buildView(log!, 'report', 'en', { locales, now: 0 });
    const id = buildView(log!, 'report', 'id', { locales, now: 0 });
    expect(en.facts.find((f) => f.label === 'Time to resolve')?.value).toBe('3 days');
    expect(id.facts.find((f) => f.label === 'Waktu penanganan')?.value).toBe('3 hari');
  });

  it('stay exact to the minute when both ends have a time (Optus: 13 hours and 25 minutes)', () => {
    const { log } = read('2023-11-08-optus-network-outage.md');
    const en = buildView(log!, 'report', 'en', { locales, now: 0 });
    expect(en.facts.find((f) => f.label === 'Time to resolve')?.value).toBe('13 hours and 25 minutes');
  });
});
