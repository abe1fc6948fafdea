import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readLog } from '../../src/log/read-log.js';
import { locales, runCli, tempDir } from '../helpers.js';

const today = (zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());

describe('warta new', () => {
  it.each([
    { type: 'incident', langs: 'en', zone: 'UTC' },
    { type: 'change', langs: 'id,en', zone: 'Asia/Jakarta' },
    { type: 'maintenance', langs: 'en,id', zone: 'Asia/Makassar' },
  ])('scaffolds a $type in $langs that validates, with every section heading in every language', async ({ type, langs, zone }) => {
    const cwd = tempDir();
    const result = await runCli(['new', 'db-failover', '--type', type, '--lang', langs, '--timezone', zone], cwd);
    expect(result.code, result.stderr).toBe(0);
    const name = `incidents/${today(zone)}-db-failover.md`;
    expect(result.stdout).toBe(`${name}\n`);
    const text = readFileSync(join(cwd, name), 'utf8');
    for (const lang of langs.split(',')) {
      for (const headings of Object.values(locales.get(lang)?.sections ?? {})) {
        expect(text.split('\n').some((line) => headings.some((h) => line.startsWith(`## ${h}`)))).toBe(true);
      }
    }
    expect(text).toContain(`type: ${type}`);
    expect(text).toContain(`timezone: ${zone}`);
    const validated = await runCli(['validate', name], cwd);
    expect(validated.code, validated.stdout).toBe(0);
    expect(validated.stdout).not.toMatch(/ error /);
    const log = readLog(join(cwd, name), { locales }).log;
    expect(log?.languages).toEqual(langs.split(','));
    expect(log?.title[langs.split(',')[0] as string]).toBe('Db failover');
  });

  it('refuses to overwrite a log, with exit 1 and a clear message', async () => {
    const cwd = tempDir();
    const first = await runCli(['new', 'vpn', '--dir', 'logs', '--date', '2025-01-02'], cwd);
    expect(first.code).toBe(0);
    const file = join(cwd, 'logs', '2025-01-02-vpn.md');
    writeFileSync(file, 'my own notes');
    const second = await runCli(['new', 'vpn', '--dir', 'logs', '--date', '2025-01-02'], cwd);
    expect(second.code).toBe(1);
    expect(second.stderr).toBe('warta: logs/2025-01-02-vpn.md already exists and was not changed; choose another slug or edit that log\n');
    expect(readFileSync(file, 'utf8')).toBe('my own notes');
  });

  it('makes the slug from --title, and asks for a name when there is none', async () => {
    const cwd = tempDir();
    const made = await runCli(['new', '--title', 'Mail: queue stuck on MX-2!', '--date', '2025-03-04'], cwd);
    expect(made.code).toBe(0);
    expect(existsSync(join(cwd, 'incidents', '2025-03-04-mail-queue-stuck-on-mx-2.md'))).toBe(true);
    expect(readFileSync(join(cwd, 'incidents', '2025-03-04-mail-queue-stuck-on-mx-2.md'), 'utf8')).toContain(
      'title: "Mail: queue stuck on MX-2!"',
    );
    const nameless = await runCli(['new'], cwd);
    expect(nameless.code).toBe(2);
    expect(nameless.stderr).toMatch(/name the log/);
  });

  it('rejects unknown languages, timezones and dates', async () => {
    const cwd = tempDir();
    expect((await runCli(['new', 'x', '--lang', 'fr'], cwd)).stderr).toMatch(/--lang: "fr" is not known; expected one or more of en, id/);
    expect((await runCli(['new', 'x', '--timezone', 'Mars/Base'], cwd)).code).toBe(2);
    expect((await runCli(['new', 'x', '--date', '2025-02-30'], cwd)).code).toBe(2);
    expect((await runCli(['new', 'x', '--type', 'outage'], cwd)).code).toBe(2);
  });
});
