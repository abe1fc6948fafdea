/**
 * Fresh means fresh: a run killed right after it rewrote a document (SIGKILL, OOM, power cut)
 * must not leave a cache entry that calls that document current. Render version 1, edit the log
 * to version 2, "kill" the run after its first document is written, revert the log to version 1
 * and run again: the document holding version 2 is rendered again, not called unchanged.
 *
 * The kill is simulated in-process: after the first write completes, every write of that run
 * hangs for ever, so the run never reaches another line of its own (what a kill leaves on disk).
 */
import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { cacheFileName, openRenderCache } from '../../src/batch/render-cache.js';
import { renderLogs, type RenderOptions } from '../../src/batch/render-logs.js';
import type { PdfPrinter } from '../../src/pdf/pdf-printer.js';
import { tempDir } from '../helpers.js';

/** The run being killed: its first write completes, every other write of it hangs before it starts. */
interface Kill {
  written?: string;
  firstWritten: () => void;
}

const kills = vi.hoisted(() => ({ current: undefined as unknown as import('node:async_hooks').AsyncLocalStorage<Kill> }));

vi.mock('../../src/output/write-file-atomic.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/output/write-file-atomic.js')>();
  const { AsyncLocalStorage } = await import('node:async_hooks');
  kills.current = new AsyncLocalStorage<Kill>();
  const never = () => new Promise<never>(() => undefined);
  return {
    ...real,
    writeFileAtomicAsync: async (...args: Parameters<typeof real.writeFileAtomicAsync>) => {
      const kill = kills.current.getStore();
      if (!kill) return real.writeFileAtomicAsync(...args);
      if (kill.written !== undefined) return never(); // the process is gone
      kill.written = args[0];
      await real.writeFileAtomicAsync(...args);
      kill.firstWritten();
      return never();
    },
  };
});

const fixture = join(import.meta.dirname, '../fixtures/valid/small-change.md');

const printer = async (): Promise<PdfPrinter> => ({
  concurrency: 1,
  launches: 1,
  print: async (job) => new TextEncoder().encode(`%PDF-1.4 ${/patch v2|email v2/.test(job.html) ? 'v2' : 'v1'}\n%%EOF`),
  close: async () => undefined,
});

describe('a run killed after a write', () => {
  it('leaves no cache entry that calls the rewritten file current', async () => {
    const dir = tempDir('warta-kill-');
    const log = join(dir, 'a.md');
    const out = join(dir, 'out');
    cpSync(fixture, log);
    const v1 = readFileSync(log, 'utf8');
    const options: RenderOptions = {
      files: [log],
      outDir: out,
      formats: ['html', 'pdf', 'txt'],
      docs: ['report', 'notice'],
      now: Date.UTC(2024, 5, 1),
      launchPrinter: printer,
    };
    const first = await renderLogs(options);
    expect(first.failed).toEqual([]);

    // Version 2 changes the title, so every document of it shows the change.
    writeFileSync(log, v1.replace('Mail server patch', 'Mail server patch v2').replace('Patch server email', 'Patch server email v2'));
    const kill = { firstWritten: () => undefined } as Kill;
    const killed = new Promise<void>((resolve) => (kill.firstWritten = resolve));
    void kills.current.run(kill, () => renderLogs(options)); // never settles
    await killed;
    // A killed run's lock names a pid that is gone, and the next run takes it over (output-lock.test.ts);
    // the run simulated here is still in this process, so its lock is removed as the kill would make it stale.
    rmSync(join(out, '.warta-lock'));
    const rewritten = kill.written as string;
    expect(readFileSync(rewritten, 'utf8')).toMatch(/patch v2|email v2|^%PDF-1.4 v2/);

    writeFileSync(log, v1);
    const again = await renderLogs(options);
    expect(again.skipped).not.toContain(rewritten);
    expect(again.written).toContain(rewritten);
    for (const path of [...again.written, ...again.skipped]) {
      expect(readFileSync(path, 'utf8'), path).not.toMatch(/patch v2|email v2|^%PDF-1.4 v2/);
    }
  });
});

describe('the cache is saved as the run goes', () => {
  it('forgets the outputs about to be rewritten at once, and saves written ones at most a second apart', () => {
    const out = tempDir('warta-cache-save-');
    const file = join(out, cacheFileName);
    const saved = () => (JSON.parse(readFileSync(file, 'utf8')) as { outputs: Record<string, string> }).outputs;
    const first = openRenderCache(out);
    first.set('a/report.en.html', 'h1');
    first.set('a/notice.txt', 'h1');
    expect(first.save()).toBeUndefined();

    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const cache = openRenderCache(out);
      expect(cache.invalidate(['a/report.en.html'])).toEqual({});
      expect(saved()).toEqual({ 'a/notice.txt': 'h1' });
      cache.set('a/report.en.html', 'h2');
      expect(cache.saveSoon()).toBeUndefined();
      expect(saved()).toEqual({ 'a/notice.txt': 'h1' });
      vi.advanceTimersByTime(1000);
      cache.saveSoon();
      expect(saved()).toEqual({ 'a/notice.txt': 'h1', 'a/report.en.html': 'h2' });
    } finally {
      vi.useRealTimers();
    }
  });
});
