import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLog } from '../../src/api/load-log.js';
import { renderDocument } from '../../src/api/render-document.js';
import { renderLogs } from '../../src/api/render-logs.js';
import { isWartaError } from '../../src/errors.js';
import { builtinTemplatesDir } from '../../src/package-info.js';
import { logText, tempDir } from '../helpers.js';

const seed = resolve(import.meta.dirname, '../../incidents/2015-12-11-vcenter-upgrade-postponed.md');

/** A project folder as a user has it: a config with Javanese from its own templates, Jakarta time, a colour. */
function project(config: string): string {
  const dir = tempDir('warta-api-');
  mkdirSync(join(dir, 'brand', 'locales'), { recursive: true });
  const english = readFileSync(join(builtinTemplatesDir, 'locales', 'en.yaml'), 'utf8');
  writeFileSync(join(dir, 'brand', 'locales', 'jv.yaml'), english.replace(/^name: .*$/m, 'name: Basa Jawa'));
  writeFileSync(join(dir, 'warta.config.yaml'), config);
  mkdirSync(join(dir, 'incidents'));
  writeFileSync(
    join(dir, 'incidents', 'jv-log.md'),
    logText('title: Gangguan email\ntype: incident\nstatus: resolved\nlanguages: [jv]\nstarted: 2024-01-02T09:00'),
  );
  writeFileSync(
    join(dir, 'incidents', 'plain.md'),
    logText('title: Mail outage\ntype: incident\nstatus: resolved\nstarted: 2024-01-02T09:00'),
  );
  return dir;
}

const config =
  'templates: brand\ntimezone: Asia/Jakarta\nlanguages: [id, en]\ncolors: { accent: "#123456" }\nformats: [html]\noutput: public\n';

describe('loadLog reads the config as the CLI does', () => {
  it('knows a language that only the config’s templates provide', () => {
    const dir = project(config);
    const { log, findings } = loadLog('incidents/jv-log.md', { cwd: dir });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(log?.languages).toEqual(['jv']);
  });

  it('gives a log the config’s languages and timezone where it names none', () => {
    const dir = project(config);
    const { log } = loadLog('incidents/plain.md', { cwd: dir });
    expect(log?.languages).toEqual(['id', 'en']);
    expect(log?.timezone).toBe('Asia/Jakarta');
    expect(log?.started?.iso).toMatch(/\+07:00$/);
  });

  it('uses no config with config: false, and a given object as settings', () => {
    const dir = project(config);
    expect(loadLog('incidents/plain.md', { cwd: dir, config: false }).log?.timezone).toBe('UTC');
    expect(loadLog('incidents/plain.md', { cwd: dir, config: { timezone: 'Asia/Tokyo' } }).log?.timezone).toBe('Asia/Tokyo');
    expect(loadLog('incidents/jv-log.md', { cwd: dir, config: false }).log).toBeUndefined();
  });

  it('reports a bad config as findings instead of throwing', () => {
    const dir = project('timezone: Asia/Jakarta\npaper: { size: Foolscap }\n');
    const { findings } = loadLog('incidents/plain.md', { cwd: dir });
    const configError = findings.find((f) => f.file.endsWith('warta.config.yaml'));
    expect(configError).toMatchObject({ severity: 'error', line: 2 });
  });
});

describe('renderDocument uses the config’s templates, colours and logo', () => {
  it('renders with the config’s accent colour', () => {
    const dir = project(config);
    const { log } = loadLog('incidents/plain.md', { cwd: dir });
    const html = renderDocument(log!, 'report', { cwd: dir, langs: ['en'] });
    expect(html).toContain('--accent: #123456');
    expect(renderDocument(log!, 'report', { cwd: dir, config: false })).not.toContain('#123456');
  });

  it('throws a usage error naming the config line when the config is bad', () => {
    const dir = project('paper: { size: Foolscap }\n');
    const { log } = loadLog(seed, { config: false });
    let error: unknown;
    try {
      renderDocument(log!, 'report', { cwd: dir });
    } catch (caught) {
      error = caught;
    }
    expect(isWartaError(error, 'usage')).toBe(true);
    expect(String((error as Error).message)).toMatch(/warta\.config\.yaml:1:/);
  });
});

describe('renderLogs has the CLI’s defaults', () => {
  it('renders incidents/ to the config’s output in its formats, with the archive, from no options but cwd', async () => {
    const dir = project(config);
    const summary = await renderLogs({ cwd: dir, now: Date.UTC(2024, 5, 1) });
    expect(summary.failedLogs).toBe(0);
    const files = readdirSync(join(dir, 'public', 'plain'));
    expect(files).toContain('report.id.html');
    expect(files).toContain('report.en.html');
    expect(files.some((f) => f.endsWith('.pdf') || f.endsWith('.eml'))).toBe(false);
    expect(existsSync(join(dir, 'public', 'index.html'))).toBe(true);
    expect(readFileSync(join(dir, 'public', 'plain', 'report.en.html'), 'utf8')).toContain('#123456');
  });

  it('stops before writing anything when PDFs are asked and no browser is found', async () => {
    const dir = project(config);
    let error: unknown;
    try {
      await renderLogs({ cwd: dir, formats: ['html', 'pdf'], env: { WARTA_CHROMIUM: join(dir, 'no-such-chromium') } });
    } catch (caught) {
      error = caught;
    }
    expect(isWartaError(error, 'no-browser')).toBe(true);
    expect(existsSync(join(dir, 'public'))).toBe(false);
  });

  it('stops before writing anything when a path does not exist, naming it', async () => {
    const dir = project(config);
    await expect(renderLogs({ cwd: dir, files: ['incidents/plain.md', 'missing.md'] })).rejects.toThrow(/missing\.md/);
    expect(existsSync(join(dir, 'public'))).toBe(false);
  });

  it('builds no archive for a list of files, as the CLI', async () => {
    const dir = project(config);
    cpSync(seed, join(dir, 'seed.md'));
    await renderLogs({ cwd: dir, files: ['seed.md'], docs: ['notice'] });
    expect(readdirSync(join(dir, 'public'))).not.toContain('index.html');
    expect(readdirSync(join(dir, 'public', 'seed'))).toContain('notice.html');
  });
});
