/**
 * The render cache (`.warta-cache.json` in the output folder) is untrusted input: it may be
 * committed to a repository, planted as a link, replaced by a folder or left unreadable. It is read
 * only when it is a regular file under the size cap, through no link; anything else is ignored
 * with a warning (every output is rendered). A cache that cannot be saved is a warning too, never
 * an internal error: the documents and the archive are still written, and the next run re-renders.
 */
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  closeSync,
  ftruncateSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderLogs, type RenderEvent, type RenderOptions } from '../../src/batch/render-logs.js';
import { cacheFileName, maxCacheBytes } from '../../src/batch/render-cache.js';
import { runCli, tempDir } from '../helpers.js';

const fixture = join(import.meta.dirname, '../fixtures/valid/small-change.md');
const isRoot = process.getuid?.() === 0;

/** A folder with one log, and an output folder beside it. */
function setup() {
  const dir = tempDir('warta-cache-');
  cpSync(fixture, join(dir, 'a.md'));
  return { dir, log: join(dir, 'a.md'), out: join(dir, 'out') };
}

async function run(log: string, out: string, extra: Partial<RenderOptions> = {}) {
  const events: RenderEvent[] = [];
  const summary = await renderLogs({
    files: [log],
    outDir: out,
    formats: ['html', 'txt', 'eml'],
    docs: ['report', 'notice'],
    now: Date.UTC(2024, 5, 1),
    archive: {},
    onEvent: (event) => events.push(event),
    ...extra,
  });
  const warnings = events.filter((e): e is Extract<RenderEvent, { type: 'warning' }> => e.type === 'warning');
  return { summary, warnings };
}

/** Every output rendered, the archive built, one warning naming the cache. */
function expectRenderedWithWarning(result: Awaited<ReturnType<typeof run>>, out: string, message: RegExp) {
  expect(result.summary.failed).toEqual([]);
  expect(result.summary.skipped).toEqual([]);
  expect(result.summary.written).toContain(join(out, 'a', 'report.en.html'));
  expect(existsSync(join(out, 'index.html'))).toBe(true);
  expect(result.warnings.map((w) => w.path)).toContain(join(out, cacheFileName));
  expect(result.warnings.map((w) => w.message).join('\n')).toMatch(message);
  expect(result.summary.warnings).toEqual(result.warnings.map(({ path, message }) => ({ path, message })));
}

describe('a cache that is not a plain file is ignored', () => {
  it('a link to /dev/zero is not followed, and is replaced by a cache of this run', async () => {
    const { log, out } = setup();
    mkdirSync(out);
    symlinkSync('/dev/zero', join(out, cacheFileName));
    const started = performance.now();
    const result = await run(log, out);
    expect(performance.now() - started).toBeLessThan(20_000);
    expectRenderedWithWarning(result, out, /not a regular file/);
    // The save replaced the link itself (a rename), and wrote nothing through it.
    expect(lstatSync(join(out, cacheFileName)).isFile()).toBe(true);
    const again = await run(log, out);
    expect(again.summary.skipped).toContain(join(out, 'a', 'report.en.html'));
    expect(again.summary.written).not.toContain(join(out, 'a', 'report.en.html'));
    expect(again.warnings).toEqual([]);
  });

  it('a folder is ignored, cannot be saved over, and the archive is still built', async () => {
    const { log, out } = setup();
    mkdirSync(join(out, cacheFileName), { recursive: true });
    writeFileSync(join(out, cacheFileName, 'x'), 'x');
    const result = await run(log, out);
    expectRenderedWithWarning(result, out, /not a regular file/);
    expect(result.warnings.map((w) => w.message).join('\n')).toMatch(/could not be saved/);
    // Nothing remembered: the next run renders everything again.
    const again = await run(log, out);
    expect(again.summary.skipped).toEqual([]);
    expect(again.summary.written).toContain(join(out, 'a', 'report.en.html'));
  });

  it('the command line prints it as a warning and exits 0', async () => {
    const { dir, out } = setup();
    mkdirSync(join(out, cacheFileName), { recursive: true });
    writeFileSync(join(out, cacheFileName, 'x'), 'x');
    const result = await runCli(['render', 'a.md', '-f', 'html,txt', '-o', 'out'], dir);
    expect(result.stderr).toMatch(/^out\/\.warta-cache\.json: warning: the render cache is not a regular file/m);
    expect(result.stderr).toMatch(/^out\/\.warta-cache\.json: warning: the render cache could not be saved \(EISDIR\)/m);
    expect(result.stderr).not.toMatch(/internal error/);
    expect(result.code).toBe(0);
    expect(existsSync(join(out, 'a', 'notice.txt'))).toBe(true);
  });

  it('a named pipe is not opened (opening it would wait for a writer for ever)', async () => {
    const { log, out } = setup();
    mkdirSync(out);
    execFileSync('mkfifo', [join(out, cacheFileName)]);
    const result = await run(log, out);
    expectRenderedWithWarning(result, out, /not a regular file/);
  });

  it(`a file over ${maxCacheBytes / 1024 / 1024} MB is not read`, async () => {
    const { log, out } = setup();
    mkdirSync(out);
    // Sparse: no disk space used.
    const fd = openSync(join(out, cacheFileName), 'w');
    ftruncateSync(fd, maxCacheBytes + 1);
    closeSync(fd);
    const result = await run(log, out);
    expectRenderedWithWarning(result, out, /MB; expected at most 64 MB/);
  });

  it('damaged JSON and entries that are not text are ignored', async () => {
    const { log, out } = setup();
    await run(log, out);
    const file = join(out, cacheFileName);
    const cache = JSON.parse(readFileSync(file, 'utf8')) as { version: number; outputs: Record<string, unknown> };
    // A hash that is an object or array would compare unequal anyway; __proto__ must stay an ordinary key.
    writeFileSync(
      file,
      `{"version":1,"outputs":{"__proto__":{"a/report.en.html":"x"},"a/report.en.html":{"toString":"x"},"a/notice.txt":${JSON.stringify(cache.outputs['a/notice.txt'])}}}`,
    );
    const result = await run(log, out);
    expect(result.summary.skipped).toEqual([join(out, 'a', 'notice.txt')]);
    writeFileSync(file, '{"version":1,"outputs":');
    const broken = await run(log, out);
    expect(broken.summary.skipped).toEqual([]);
    expect(broken.summary.failed).toEqual([]);
  });

  it.skipIf(isRoot)('an unreadable file is ignored', async () => {
    const { log, out } = setup();
    await run(log, out);
    chmodSync(join(out, cacheFileName), 0o000);
    try {
      const result = await run(log, out);
      expectRenderedWithWarning(result, out, /could not be read/);
    } finally {
      chmodSync(join(out, cacheFileName), 0o644);
    }
  });
});

/** Makes a folder read-only for this process (root ignores modes: the folder is made immutable); false when it cannot. */
function makeReadOnly(dir: string): (() => void) | false {
  if (!isRoot) {
    chmodSync(dir, 0o555);
    return () => chmodSync(dir, 0o755);
  }
  try {
    execFileSync('chattr', ['+i', dir], { stdio: 'ignore' });
    return () => execFileSync('chattr', ['-i', dir], { stdio: 'ignore' });
  } catch {
    return false;
  }
}

describe('a cache that cannot be saved', () => {
  it('is a warning, not an internal error, and leaves no entry that lies', async () => {
    const { log, out } = setup();
    await run(log, out);
    const v1 = readFileSync(log, 'utf8');
    writeFileSync(log, v1.replace('The mail server was patched.', 'The mail server was patched twice.'));
    const before = readFileSync(join(out, 'a', 'report.en.html'), 'utf8');
    const writable = makeReadOnly(out);
    if (!writable) return; // neither chmod nor chattr can make it read-only here
    let result;
    try {
      result = await run(log, out);
    } finally {
      writable();
    }
    expect(result.warnings.map((w) => w.message).join('\n')).toMatch(/could not be saved/);
    // The old cache could neither be updated nor removed, so no document was rewritten under it.
    expect(readFileSync(join(out, 'a', 'report.en.html'), 'utf8')).toBe(before);
    // (The archive's own page of the log, a/index.html, is rebuilt every run and is no document.)
    expect(result.summary.written.filter((p) => p.startsWith(join(out, 'a')) && p !== join(out, 'a', 'index.html'))).toEqual([]);
    // Back to the first version: what is on disk is that version, rightly called unchanged.
    writeFileSync(log, v1);
    const back = await run(log, out);
    expect(back.summary.failed).toEqual([]);
    expect(readFileSync(join(out, 'a', 'report.en.html'), 'utf8')).toBe(before);
  });
});
