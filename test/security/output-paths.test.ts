/**
 * No way out of the output folder. Policy:
 * - A log's folder under --out is its `id` (`[a-z0-9][a-z0-9-]*`, at most 100 characters) or, without
 *   one, its file name slugified to the same alphabet: no `..`, no `/`, no absolute path can result.
 * - Paths named on the command line are read even when they are symbolic links (the user named them);
 *   symbolic links met while searching a folder are not followed (files or folders), so a link in a
 *   pull request cannot make warta read from anywhere else, nor loop.
 * - The output folder itself may be a symbolic link (the user chose it); links inside it are not
 *   written through by writeFileAtomic when given `within` (see the report of issue 6 for render-logs).
 * Every test lists the whole temporary tree before and after, so a write anywhere else would show.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLogFiles } from '../../src/batch/find-log-files.js';
import { readLog } from '../../src/log/read-log.js';
import { writeFileAtomic } from '../../src/output/write-file-atomic.js';
import { loadText, locales, logText, runCli, tempDir } from '../helpers.js';

/** Every path under `root` (links listed, not followed), with a mark for links and folders. */
function listTree(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const stat = lstatSync(full);
      const rel = relative(root, full);
      if (stat.isSymbolicLink()) out.push(`${rel} ->`);
      else if (stat.isDirectory()) {
        out.push(`${rel}/`);
        walk(full);
      } else out.push(rel);
    }
  };
  walk(root);
  return out;
}

/** The log folders in an output folder (it also holds the archive's files). */
const logFolders = (out: string) =>
  existsSync(out)
    ? readdirSync(out, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
        .map((entry) => entry.name)
        .sort()
    : [];

/** What appeared in the tree, leaving out what is under `out`. */
function writtenOutside(before: string[], after: string[], out: string): string[] {
  const had = new Set(before);
  return after.filter((path) => !had.has(path) && !(path === `${out}/` || path.startsWith(`${out}/`)));
}

const minimal = (front = '') => logText(`title: T\ntype: change\nstatus: completed${front ? `\n${front}` : ''}`);

describe('ids cannot leave the output folder', () => {
  const hostileIds = [
    '../../etc',
    '/etc/passwd',
    '..',
    '.',
    'a/b',
    'a\\\\b',
    'A',
    '-x',
    'x'.repeat(101),
    'x y',
    'ümlaut',
    '~root',
    '%2e%2e',
    'a\\u0000b',
  ];

  it.each(hostileIds)('refuses id "%s" with a finding on its line', (id) => {
    const result = loadText(minimal(`id: "${id}"`));
    expect(result.log).toBeUndefined();
    expect(result.findings).toEqual([expect.objectContaining({ rule: 'front-matter/id', severity: 'error', line: 5, column: 5 })]);
    expect(result.findings[0]?.message).toMatch(/expected an id of (?:lowercase letters, digits and dashes|at most 100 characters)/);
  });

  it('renders nothing, anywhere, for id: ../../etc (exit 1)', async () => {
    const root = tempDir('warta-paths-');
    mkdirSync(join(root, 'a', 'b', 'incidents'), { recursive: true });
    writeFileSync(join(root, 'a', 'b', 'incidents', 'evil.md'), minimal('id: ../../etc'));
    const before = listTree(root);
    const result = await runCli(['render', 'incidents', '-f', 'html,txt,eml', '-o', 'out'], join(root, 'a', 'b'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/evil\.md:5:5 error front-matter\/id id: found "\.\.\/\.\.\/etc"; expected an id of lowercase letters/);
    expect(writtenOutside(before, listTree(root), 'a/b/out')).toEqual([]);
    expect(logFolders(join(root, 'a', 'b', 'out'))).toEqual([]);
  });
});

describe('file names are slugified into safe ids', () => {
  const names = [
    '...md',
    'a..b.md',
    ' —weird name!.md',
    '<script>alert(1)<:script>.md',
    '$(touch pwned).md',
    'new\nline.md',
    'ÜBER straße.md',
    '%2e%2e%2fetc.md',
    `${'x'.repeat(200)}.md`,
    '-leading-dash-.md',
    'CON.md',
    '😀.md',
  ];

  it.each(names)('%j becomes an id of [a-z0-9-]', (name) => {
    const root = tempDir('warta-names-');
    writeFileSync(join(root, name), minimal());
    const { log } = readLog(join(root, name), { locales });
    expect(log?.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    expect(log?.id.length).toBeLessThanOrEqual(100);
  });

  it('renders all of them into folders directly under --out, and nowhere else', async () => {
    const root = tempDir('warta-names-');
    mkdirSync(join(root, 'logs'));
    for (const name of names) writeFileSync(join(root, 'logs', name), minimal());
    const before = listTree(root);
    const result = await runCli(['render', ...names.map((n) => join('logs', n)), '-f', 'html', '-d', 'notice', '-o', 'out'], root);
    // Several names slugify to the same id ("incident"): the later ones are refused as duplicates.
    expect([0, 1]).toContain(result.code);
    expect(result.stderr).not.toMatch(/internal error/);
    const added = listTree(root).filter((path) => !before.includes(path));
    expect(added.filter((path) => !path.startsWith('out/') && path !== 'out/')).toEqual([]);
    for (const path of added.filter((p) => p.endsWith('.html')))
      expect(path).toMatch(/^out\/[a-z0-9][a-z0-9-]*\/notice(?:\.[a-z]{2})?\.html$/);
    expect(existsSync(join(root, 'pwned'))).toBe(false);
  });
});

describe('symbolic links', () => {
  /** A repository with incidents/, a log and a folder of logs outside it, and links from incidents/ to both. */
  function repository() {
    const root = tempDir('warta-links-');
    mkdirSync(join(root, 'repo', 'incidents'), { recursive: true });
    mkdirSync(join(root, 'outside', 'logs'), { recursive: true });
    writeFileSync(join(root, 'repo', 'incidents', 'real.md'), minimal('id: real'));
    writeFileSync(join(root, 'outside', 'secret.md'), minimal('id: secret'));
    writeFileSync(join(root, 'outside', 'logs', 'far.md'), minimal('id: far'));
    symlinkSync(join(root, 'outside', 'secret.md'), join(root, 'repo', 'incidents', 'linked.md'));
    symlinkSync(join(root, 'outside', 'logs'), join(root, 'repo', 'incidents', 'linked-folder'));
    symlinkSync('..', join(root, 'repo', 'incidents', 'loop'));
    return root;
  }

  it('are not followed while searching a folder (files, folders, loops), and are listed as skipped', () => {
    const root = repository();
    const found = findLogFiles(['incidents'], join(root, 'repo'));
    expect(found.files).toEqual([join(root, 'repo', 'incidents', 'real.md')]);
    expect(found.skipped.map((s) => s.path).sort()).toEqual(['incidents/linked-folder', 'incidents/linked.md', 'incidents/loop']);
    expect(found.missing).toEqual([]);
  });

  it('render of a folder renders only its real files', async () => {
    const root = repository();
    const before = listTree(root);
    const result = await runCli(['render', 'incidents', '-f', 'html', '-d', 'notice', '-o', 'out'], join(root, 'repo'));
    expect(result.code, result.stderr).toBe(0);
    expect(logFolders(join(root, 'repo', 'out'))).toEqual(['real']);
    expect(writtenOutside(before, listTree(root), 'repo/out')).toEqual([]);
  });

  it('are followed when named on the command line: the user chose them', async () => {
    const root = repository();
    const result = await runCli(
      ['render', 'incidents/linked.md', 'incidents/linked-folder', '-f', 'html', '-d', 'notice', '-o', 'out'],
      join(root, 'repo'),
    );
    expect(result.code, result.stderr).toBe(0);
    expect(logFolders(join(root, 'repo', 'out'))).toEqual(['far', 'secret']);
  });

  it('an output folder that is a link is followed (documented: the user chose it)', async () => {
    const root = repository();
    mkdirSync(join(root, 'real-out'));
    symlinkSync(join(root, 'real-out'), join(root, 'repo', 'out'));
    const result = await runCli(['render', 'incidents', '-f', 'html', '-d', 'notice', '-o', 'out'], join(root, 'repo'));
    expect(result.code, result.stderr).toBe(0);
    expect(existsSync(join(root, 'real-out', 'real', 'notice.html'))).toBe(true);
  });

  it('a link planted at an output file is replaced, not written through', async () => {
    const root = repository();
    mkdirSync(join(root, 'repo', 'out', 'real'), { recursive: true });
    writeFileSync(join(root, 'outside', 'victim.txt'), 'untouched');
    symlinkSync(join(root, 'outside', 'victim.txt'), join(root, 'repo', 'out', 'real', 'notice.html'));
    const result = await runCli(['render', 'incidents', '-f', 'html', '-d', 'notice', '-o', 'out'], join(root, 'repo'));
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(root, 'outside', 'victim.txt'), 'utf8')).toBe('untouched');
    expect(lstatSync(join(root, 'repo', 'out', 'real', 'notice.html')).isSymbolicLink()).toBe(false);
  });

  // Enable when render-logs passes { within: outDir } to writeFileAtomic (see the report of issue 6).
  it('a link planted at a log folder inside the output folder is refused, not written through', async () => {
    const root = repository();
    mkdirSync(join(root, 'repo', 'out'), { recursive: true });
    mkdirSync(join(root, 'outside', 'target'));
    symlinkSync(join(root, 'outside', 'target'), join(root, 'repo', 'out', 'real'));
    const result = await runCli(['render', 'incidents', '-f', 'html', '-d', 'notice', '-o', 'out'], join(root, 'repo'));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/symbolic link/);
    expect(readdirSync(join(root, 'outside', 'target'))).toEqual([]);
  });
});

describe('writeFileAtomic({ within })', () => {
  it('writes inside the folder, creating subfolders', () => {
    const root = tempDir('warta-write-');
    writeFileAtomic(join(root, 'out', 'id', 'report.html'), 'x', { within: join(root, 'out') });
    expect(readFileSync(join(root, 'out', 'id', 'report.html'), 'utf8')).toBe('x');
    expect(listTree(root)).toEqual(['out/', 'out/id/', 'out/id/report.html']);
  });

  it.each(['../escape.html', '../../escape.html', '/tmp/escape.html', '.'])('refuses %s, which is not inside', (path) => {
    const root = tempDir('warta-write-');
    mkdirSync(join(root, 'out'));
    const target = path.startsWith('/') ? join(root, 'abs', path) : join(root, 'out', path);
    const within = path.startsWith('/') ? join(root, 'out') : join(root, 'out');
    expect(() => writeFileAtomic(target, 'x', { within })).toThrow(/outside|not a folder/);
    expect(listTree(root)).toEqual(['out/']);
  });

  it('refuses to write through a link inside the folder, and leaves its target alone', () => {
    const root = tempDir('warta-write-');
    mkdirSync(join(root, 'out'));
    mkdirSync(join(root, 'elsewhere'));
    symlinkSync(join(root, 'elsewhere'), join(root, 'out', 'id'));
    expect(() => writeFileAtomic(join(root, 'out', 'id', 'report.html'), 'x', { within: join(root, 'out') })).toThrow(/symbolic link/);
    expect(() => writeFileAtomic(join(root, 'out', 'id', 'sub', 'report.html'), 'x', { within: join(root, 'out') })).toThrow(
      /symbolic link/,
    );
    expect(readdirSync(join(root, 'elsewhere'))).toEqual([]);
  });

  it('accepts an output folder that is itself a link', () => {
    const root = tempDir('warta-write-');
    mkdirSync(join(root, 'real'));
    symlinkSync(join(root, 'real'), join(root, 'out'));
    writeFileAtomic(join(root, 'out', 'id', 'report.html'), 'x', { within: join(root, 'out') });
    expect(readFileSync(join(root, 'real', 'id', 'report.html'), 'utf8')).toBe('x');
  });
});
