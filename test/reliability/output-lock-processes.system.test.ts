/**
 * One lock per output folder, between real processes (bin/warta.js, so `npm run build` first; no
 * Chromium needed): a `warta render` into the folder a `warta preview` serves stops with exit 2
 * naming the preview's pid; once the preview is killed with SIGKILL (its lock left behind), the
 * next render takes the stale lock over with a warning and renders. The unit tests of the lock are
 * in output-lock.test.ts.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';

const root = resolve(import.meta.dirname, '../..');
const warta = join(root, 'bin/warta.js');

let preview: ChildProcess | undefined;
afterEach(() => {
  if (preview?.exitCode === null) preview.kill('SIGKILL');
});

describe('one lock per output folder, between processes', () => {
  it('render stops while preview serves the folder, and takes the lock over once preview was killed', async () => {
    const dir = tempDir('warta-lock-proc-');
    cpSync(join(root, 'test/fixtures/valid/small-change.md'), join(dir, 'small-change.md'));
    const out = join(dir, 'site');
    preview = spawn(process.execPath, [warta, 'preview', 'small-change.md', '--out', 'site', '--port', '0'], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let said = '';
    preview.stdout?.on('data', (chunk: Buffer) => (said += chunk.toString()));
    const deadline = Date.now() + 30_000;
    while (!said.includes('serving') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(said).toContain('serving');
    expect(JSON.parse(readFileSync(join(out, '.warta-lock'), 'utf8'))).toMatchObject({ pid: preview.pid, command: 'preview' });

    const t0 = Date.now();
    const blocked = spawnSync(process.execPath, [warta, 'render', 'small-change.md', '-o', 'site', '-f', 'html'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(blocked.status, blocked.stderr).toBe(2);
    expect(blocked.stderr).toContain(`in use by another warta run (pid ${preview.pid}, warta preview`);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(4500);

    preview.kill('SIGKILL');
    await new Promise((r) => preview?.once('exit', r));
    expect(existsSync(join(out, '.warta-lock'))).toBe(true);
    const taken = spawnSync(process.execPath, [warta, 'render', 'small-change.md', '-o', 'site', '-f', 'html', '--force'], {
      cwd: dir,
      encoding: 'utf8',
    });
    expect(taken.status, taken.stderr).toBe(0);
    expect(taken.stderr).toContain(`warning: took over a stale lock of pid ${preview.pid}`);
    expect(taken.stdout).toContain('wrote');
    expect(existsSync(join(out, '.warta-lock'))).toBe(false);
  }, 60_000);
});
