/**
 * One lock per output folder (issue 15, item 3): `render`, `preview` and the archive they build
 * take `.warta-lock` in the output folder (the holder's pid and start time, created atomically), so
 * two runs never interleave their writes. A second run waits briefly, then stops with a message
 * naming the holder (exit 2); a lock whose holder is gone is taken over with a warning.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderLogs, type RenderEvent, type RenderOptions } from '../../src/batch/render-logs.js';
import { isWartaError } from '../../src/errors.js';
import { lockFileName } from '../../src/output/output-lock.js';
import type { PdfPrinter } from '../../src/pdf/pdf-printer.js';
import { startPreview } from '../../src/preview/preview-server.js';
import { runCli, tempDir } from '../helpers.js';

const root = resolve(import.meta.dirname, '../..');
const fixture = join(root, 'test/fixtures/valid/small-change.md');

/** A pid that is certainly not running: a process that has ended and been reaped. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '0']);
  return child.pid;
}

/** A printer that holds every PDF until `release` is called, so a run stays in the middle. */
function heldPrinter() {
  let release = () => undefined as void;
  const released = new Promise<void>((r) => (release = r));
  let printing = () => undefined as void;
  const started = new Promise<void>((r) => (printing = r));
  const launch = async (): Promise<PdfPrinter> => ({
    concurrency: 1,
    launches: 1,
    print: async () => {
      printing();
      await released;
      return new TextEncoder().encode('%PDF-1.4\n%%EOF');
    },
    close: async () => undefined,
  });
  return { launch, release, started };
}

function setup() {
  const dir = tempDir('warta-lock-');
  const log = join(dir, 'small-change.md');
  cpSync(fixture, log);
  const out = join(dir, 'out');
  const options: RenderOptions = { files: [log], outDir: out, formats: ['html', 'pdf'], docs: ['report'], now: Date.UTC(2024, 5, 1) };
  return { dir, log, out, options };
}

describe('one lock per output folder', () => {
  it('a second run into the folder of a running one waits briefly, then stops naming the holder; the first finishes alone', async () => {
    const { out, options } = setup();
    const held = heldPrinter();
    const first = renderLogs({ ...options, launchPrinter: held.launch });
    await held.started;
    const lock = JSON.parse(readFileSync(join(out, lockFileName), 'utf8')) as { pid: number; started: string };
    expect(lock.pid).toBe(process.pid);
    expect(Number.isNaN(Date.parse(lock.started))).toBe(false);

    const t0 = Date.now();
    const second = await renderLogs({ ...options, formats: ['html'], force: true, lockWaitMs: 400 }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(Date.now() - t0).toBeGreaterThanOrEqual(350);
    expect(isWartaError(second, 'output-locked')).toBe(true);
    expect((second as Error).message).toContain(`pid ${process.pid}`);
    expect((second as Error).message).toContain(out);

    held.release();
    const summary = await first;
    expect(summary.failed).toEqual([]);
    expect(existsSync(join(out, lockFileName))).toBe(false);
    // Free again: the next run goes ahead at once.
    const third = await renderLogs({ ...options, formats: ['html'], force: true, lockWaitMs: 0 });
    expect(third.written.length).toBeGreaterThan(0);
  });

  it('a second run that starts while the first still holds the folder goes ahead once the first is done within the wait', async () => {
    const { out, options } = setup();
    const held = heldPrinter();
    const first = renderLogs({ ...options, launchPrinter: held.launch });
    await held.started;
    setTimeout(() => held.release(), 200);
    const second = await renderLogs({ ...options, formats: ['html'], force: true, lockWaitMs: 5000 });
    expect(second.written.length).toBeGreaterThan(0);
    await first;
    expect(existsSync(join(out, lockFileName))).toBe(false);
  });

  it('takes over a stale lock (its pid is not running) with a warning that names it', async () => {
    const { out, options } = setup();
    mkdirSync(out, { recursive: true });
    const pid = deadPid();
    writeFileSync(join(out, lockFileName), JSON.stringify({ pid, started: new Date(Date.now() - 60_000).toISOString() }));
    const events: RenderEvent[] = [];
    const summary = await renderLogs({ ...options, formats: ['html'], lockWaitMs: 0, onEvent: (e) => events.push(e) });
    expect(summary.written.length).toBeGreaterThan(0);
    expect(summary.warnings.map((w) => w.message).join('\n')).toMatch(new RegExp(`stale lock .*pid ${pid}`));
    expect(events.some((e) => e.type === 'warning' && e.path === join(out, lockFileName))).toBe(true);
    expect(existsSync(join(out, lockFileName))).toBe(false);
  });

  it('takes over a lock whose pid now belongs to a process that started after it (a reused pid)', async () => {
    const { out, options } = setup();
    mkdirSync(out, { recursive: true });
    // This test process is alive, but started long after the lock says its holder did.
    writeFileSync(join(out, lockFileName), JSON.stringify({ pid: process.pid, started: '2001-01-01T00:00:00.000Z' }));
    const summary = await renderLogs({ ...options, formats: ['html'], lockWaitMs: 0 });
    expect(summary.written.length).toBeGreaterThan(0);
    expect(summary.warnings.map((w) => w.message).join('\n')).toContain('stale lock');
  });

  it('only one of many runs started at once takes a free folder', async () => {
    const { out, options } = setup();
    const runs = await Promise.allSettled(
      Array.from({ length: 6 }, () => renderLogs({ ...options, formats: ['html'], force: true, lockWaitMs: 0 })),
    );
    expect(runs.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of runs) if (r.status === 'rejected') expect(isWartaError(r.reason, 'output-locked')).toBe(true);
    expect(existsSync(join(out, lockFileName))).toBe(false);
  });

  it('preview holds the folder while it serves: render into it stops, and goes ahead after the preview closes', async () => {
    const { dir, log, out, options } = setup();
    const preview = await startPreview({ paths: [log], cwd: dir, outDir: out, host: '127.0.0.1', port: 0, log: () => undefined });
    try {
      expect((JSON.parse(readFileSync(join(out, lockFileName), 'utf8')) as { pid: number }).pid).toBe(process.pid);
      await expect(renderLogs({ ...options, formats: ['html'], force: true, lockWaitMs: 100 })).rejects.toThrow(/in use/);
    } finally {
      await preview.close();
    }
    expect(existsSync(join(out, lockFileName))).toBe(false);
    const summary = await renderLogs({ ...options, formats: ['html'], force: true, lockWaitMs: 0 });
    expect(summary.written.length).toBeGreaterThan(0);
  });

  it('warta render exits 2 naming the pid of another live process that holds the folder', async () => {
    const { dir, log, out } = setup();
    mkdirSync(out, { recursive: true });
    // A live process of another program stands in for another warta holding the lock.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'], { stdio: 'ignore' });
    try {
      await new Promise((r) => setTimeout(r, 100));
      writeFileSync(join(out, lockFileName), JSON.stringify({ pid: holder.pid, started: new Date().toISOString(), command: 'render' }));
      const run = await runCli(['render', log, '-o', out, '-f', 'html'], dir);
      expect(run.code, run.stderr).toBe(2);
      expect(run.stderr).toContain(`pid ${holder.pid}`);
      expect(run.stderr).toMatch(/in use by another warta run/);
      expect((JSON.parse(readFileSync(join(out, lockFileName), 'utf8')) as { pid: number }).pid).toBe(holder.pid);
    } finally {
      holder.kill('SIGKILL');
    }
  }, 30_000);
});
