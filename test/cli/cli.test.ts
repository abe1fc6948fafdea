import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers.js';

const fixtures = resolve(import.meta.dirname, '../fixtures');

interface Case {
  name: string;
  args: string[];
  exitCode: number;
  stdout?: RegExp[];
  stderr?: RegExp[];
  notStdout?: RegExp[];
}

const cases: Case[] = [
  {
    name: 'help',
    args: ['--help'],
    exitCode: 0,
    stdout: [/warta <command>/, /render \[paths\.\.\]/, /validate \[paths\.\.\]/, /Exit codes: 0/],
  },
  { name: 'render help', args: ['render', '--help'], exitCode: 0, stdout: [/--format/, /--doc/, /--lang/, /--out/] },
  { name: 'validate help', args: ['validate', '--help'], exitCode: 0, stdout: [/--strict/, /--json/] },
  { name: 'version', args: ['--version'], exitCode: 0, stdout: [/^\d+\.\d+\.\d+\n$/] },
  { name: 'no command', args: [], exitCode: 2, stderr: [/Name a command/] },
  { name: 'unknown command', args: ['bogus'], exitCode: 2, stderr: [/Unknown argument: bogus/] },
  { name: 'unknown flag', args: ['render', '--colour'], exitCode: 2, stderr: [/Unknown argument/] },
  { name: 'a mistyped command gets a suggestion', args: ['rendr'], exitCode: 2, stderr: [/Did you mean render\?/] },
  {
    name: 'a mistyped flag value gets a suggestion',
    args: ['render', 'valid', '-f', 'htm'],
    exitCode: 2,
    stderr: [/--format: "htm" is not known \(did you mean "html"\?\); expected one or more of html, pdf/],
  },
  {
    name: 'bad format',
    args: ['render', 'valid', '--format', 'docx'],
    exitCode: 2,
    stderr: [/--format: "docx" is not known; expected one or more of html, pdf/],
  },
  { name: 'bad doc', args: ['render', 'valid', '--doc', 'memo', '-f', 'html'], exitCode: 2, stderr: [/--doc: "memo"/] },
  { name: 'valid log validates', args: ['validate', 'valid'], exitCode: 0, stderr: [/2 log\(s\) checked: 0 error\(s\), 0 warning\(s\)/] },
  {
    name: 'wrong date names file, line, key',
    args: ['validate', 'invalid/bad-date.md'],
    exitCode: 1,
    stdout: [/^invalid\/bad-date\.md:6:10 error front-matter\/window window\.start: found "2015-12-32T19:00"; expected a date and time/m],
  },
  {
    name: 'wrong status for type',
    args: ['validate', 'invalid/wrong-status.md'],
    exitCode: 1,
    stdout: [/^invalid\/wrong-status\.md:4:9 error front-matter\/status .*expected for an incident one of investigating/m],
  },
  {
    name: 'no title',
    args: ['validate', 'invalid/no-title.md'],
    exitCode: 1,
    stdout: [/^invalid\/no-title\.md:2:1 error front-matter\/title title: missing/m],
  },
  {
    name: 'js front matter refused',
    args: ['validate', 'invalid/js-front-matter.md'],
    exitCode: 1,
    stdout: [/js-front-matter\.md:1:1 error front-matter\/language front matter in "js" is refused and was not run/],
  },
  {
    name: 'warnings alone pass',
    args: ['validate', 'warnings'],
    exitCode: 0,
    stdout: [/warning translation\/missing title: no text in "id"/, /warning translation\/missing-section/],
  },
  {
    name: 'strict makes warnings errors',
    args: ['validate', 'warnings', '--strict'],
    exitCode: 1,
    stdout: [/error translation\/missing title/],
  },
  {
    name: 'json findings',
    args: ['validate', 'invalid/wrong-status.md', '--json'],
    exitCode: 1,
    stdout: [/"rule": "front-matter\/status"/, /"line": 4/],
  },
  { name: 'missing path', args: ['validate', 'nope'], exitCode: 1, stdout: [/^nope:1:1 error file\/missing no such file or folder/m] },
  { name: 'folder with every kind of problem', args: ['validate', 'invalid'], exitCode: 1, stderr: [/4 log\(s\) checked: \d+ error\(s\)/] },
];

describe('warta CLI (in-process)', () => {
  it.each(cases)('$name', async ({ args, exitCode, stdout = [], stderr = [], notStdout = [] }) => {
    const result = await runCli(args, fixtures);
    expect(result.code, `${result.stdout}\n${result.stderr}`).toBe(exitCode);
    for (const pattern of stdout) expect(result.stdout).toMatch(pattern);
    for (const pattern of stderr) expect(result.stderr).toMatch(pattern);
    for (const pattern of notStdout) expect(result.stdout).not.toMatch(pattern);
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
  });

  it.each([
    ['render', '-f', 'html', 'valid/small-change.md'],
    ['render', '-d', 'notice', '-f', 'txt,html', 'valid/small-change.md'],
    ['render', '--lang', 'en', '-f', 'html', 'valid/small-change.md'],
  ])('takes the path after a list flag: %s %s %s %s %s', async (...args) => {
    const out = tempDir();
    const result = await runCli([...args, '-o', out, '-q', '--no-archive'], fixtures);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/1 log\(s\): 1 rendered/);
    expect(readdirSync(out)).toContain('small-change');
  });

  it('takes the slug after --lang id,en in warta new', async () => {
    const dir = tempDir();
    const result = await runCli(['new', '--lang', 'id,en', 'my-slug', '--date', '2026-12-01', '--dir', 'logs'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(dir, 'logs', '2026-12-01-my-slug.md'), 'utf8')).toMatch(/languages: \[id, en\]/);
  });

  it('never runs ---js front matter', async () => {
    await runCli(['validate', 'invalid/js-front-matter.md'], fixtures);
    await runCli(['render', 'invalid/js-front-matter.md', '-f', 'html', '-o', tempDir()], fixtures);
    expect(existsSync('/tmp/warta-pwned')).toBe(false);
  });

  it('renders HTML for a batch, skipping the bad log and reporting it (exit 1)', async () => {
    const out = tempDir();
    const result = await runCli(['render', 'mixed', '-f', 'html', '-o', out], fixtures);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/mixed\/bad\.md:4:9 error front-matter\/status/);
    expect(result.stderr).toMatch(/mixed\/bad\.md: not rendered/);
    // The folder's archive lists the good log only; the bad one has no folder.
    expect(readdirSync(out).filter((name) => !name.startsWith('.'))).toEqual([
      'actions.csv',
      'actions.html',
      'good',
      'incidents.json',
      'index.html',
      'lessons.html',
      'notices.atom',
    ]);
    expect(readFileSync(join(out, 'incidents.json'), 'utf8')).not.toContain('bad.md');
    expect(readdirSync(join(out, 'good')).sort()).toEqual([
      'index.html',
      'lessons.en.html',
      'lessons.id.html',
      'notice.en.html',
      'notice.html',
      'notice.id.html',
      'report.en.html',
      'report.id.html',
    ]);
    expect(result.stdout).toMatch(/2 log\(s\): 1 rendered, 1 not rendered/);
  });

  it('renders only the documents and languages asked for', async () => {
    const out = tempDir();
    const result = await runCli(['render', 'valid', '-f', 'html', '-d', 'notice', '-l', 'id', '-o', out], fixtures);
    expect(result.code).toBe(0);
    expect(readdirSync(join(out, 'small-change')).sort()).toEqual(['index.html', 'notice.html', 'notice.id.html']);
    const html = readFileSync(join(out, 'small-change', 'notice.id.html'), 'utf8');
    expect(html).toContain('<html lang="id">');
    expect(html).toContain('Patch server email');
  });

  it('quiet mode prints only the summary', async () => {
    const result = await runCli(['render', 'valid', '-f', 'html', '-q', '-o', tempDir()], fixtures);
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 with an install hint when no Chromium is found', async () => {
    const result = await runCli(['render', 'valid', '-f', 'pdf', '-o', tempDir()], fixtures, {
      ...process.env,
      WARTA_CHROMIUM: '/nonexistent/chromium',
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/WARTA_CHROMIUM is set to "\/nonexistent\/chromium"/);
  });
});
