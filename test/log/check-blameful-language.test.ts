import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadText, logText } from '../helpers.js';

const head =
  'title: { en: T, id: T }\ntype: incident\nstatus: resolved\nlanguages: [en, id]\ndetected: 2024-01-01T10:00\nresolved: 2024-01-01T11:00';
const blame = (body: string) => loadText(logText(head, body)).findings.filter((f) => f.rule === 'blameless/language');

describe('blameless language rule', () => {
  it.each([
    ['The root cause was human error during the deploy.', 'human error'],
    ['The outage was the fault of the on-call engineer.', 'the fault of'],
    ['It was caused by John forgetting the flag.', 'caused by John'],
    ["This was Budi's mistake.", "Budi's mistake"],
    ['The operator was careless with the config.', 'careless'],
    ['Ops is to blame for the missing alert.', 'is to blame'],
  ])('fires in English on %j', (sentence, found) => {
    const findings = blame(`## Contributing factors\n\n${sentence}\n\n## Faktor penyebab\n\nRunbook belum lengkap.\n`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', line: 12 });
    expect(findings[0]?.message).toContain(`"${found}`);
    expect(findings[0]?.message).toContain('expected blameless wording');
  });

  it.each([
    ['Penyebabnya adalah kesalahan manusia saat deploy.', 'kesalahan manusia'],
    ['Gangguan terjadi gara-gara Budi lupa mengganti konfigurasi.', 'gara-gara Budi'],
    ['Ini kesalahan pak Andi.', 'kesalahan pak Andi'],
    ['Operator lalai memeriksa backup.', 'lalai'],
    ['Tim jaringan yang disalahkan atas gangguan ini.', 'disalahkan'],
  ])('fires in Indonesian on %j', (sentence, found) => {
    const findings = blame(`## Contributing factors\n\nThe runbook had no backup check.\n\n## Faktor penyebab\n\n${sentence}\n`);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ line: 16, column: sentence.indexOf(found.split(' ')[0] as string) + 1 });
    expect(findings[0]?.message).toContain('expected kalimat tanpa menyalahkan');
  });

  it('stays quiet on blameless text in both languages', () => {
    const findings = blame(
      [
        '## Contributing factors',
        '',
        '- The deploy pipeline had no check for the connection pool size.',
        '- Because of Monday traffic the queue filled faster than the alert threshold assumed.',
        '- The change was caused by a library upgrade that changed a default.',
        '- The on-call engineer followed the runbook, which was out of date.',
        '',
        '## Faktor penyebab',
        '',
        '- Pengecekan pra-migrasi belum lengkap karena jadwal persiapan bertabrakan.',
        '- Backup dibuat di dalam jendela, bukan sebelumnya.',
        '- Tidak ada titik go/no-go yang tegas di runbook.',
      ].join('\n'),
    );
    expect(findings).toEqual([]);
  });

  it('ignores code blocks', () => {
    expect(blame('## Lessons learned\n\n```\nlog: human error counter\n```\n')).toEqual([]);
  });

  it('finds nothing blameful in the bundled samples', async () => {
    const { readLog } = await import('../../src/log/read-log.js');
    const { locales } = await import('../helpers.js');
    const dir = resolve(import.meta.dirname, '../../incidents');
    for (const file of readdirSync(dir)) {
      const findings = readLog(join(dir, file), { locales }).findings.filter((f) => f.rule === 'blameless/language');
      expect(findings, file).toEqual([]);
    }
  });
});
