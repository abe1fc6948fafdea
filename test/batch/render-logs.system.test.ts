/**
 * renderLogs with the real Chromium, in a real process (bin/warta.js, so `npm run build` first):
 * what an interrupted run leaves behind. The rest of renderLogs, with a fake printer, is in
 * render-logs.test.ts.
 */
import { spawn } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';

const root = resolve(import.meta.dirname, '../..');

/** Processes whose environment carries the mark (other than this test process). */
function marked(mark: string): string[] {
  return readdirSync('/proc').filter((pid) => {
    if (!/^\d+$/.test(pid) || Number(pid) === process.pid) return false;
    try {
      return readFileSync(`/proc/${pid}/environ`).includes(mark);
    } catch {
      return false;
    }
  });
}

describe('renderLogs: failures and interruptions', () => {
  it('a real run killed with SIGTERM leaves no partial file and no Chromium behind', async () => {
    const dir = tempDir('warta-kill-');
    for (const name of readdirSync(join(root, 'incidents'))) cpSync(join(root, 'incidents', name), join(dir, name));
    const out = tempDir();
    // Chromium inherits this mark from warta, so its processes can be found even after they are orphaned.
    const mark = `warta-test-${process.pid}-${Date.now()}`;
    const child = spawn(process.execPath, [join(root, 'bin/warta.js'), 'render', dir, '-o', out, '-f', 'pdf', '--jobs', '2'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, WARTA_TEST_MARK: mark },
    });
    let stdout = '';
    const exited = new Promise<number | null>((resolveExit) => child.on('exit', (code) => resolveExit(code)));
    await new Promise<void>((resolveFirst) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('wrote ')) resolveFirst();
      });
      void exited.then(() => resolveFirst());
    });
    // Chromium is running (processes with the mark besides warta itself).
    expect(marked(mark).filter((pid) => Number(pid) !== child.pid).length).toBeGreaterThan(0);
    child.kill('SIGTERM');
    const code = await exited;
    expect(code).toBe(130);
    const files = readdirSync(out, { recursive: true }).map(String);
    expect(files.filter((f) => f.includes('.partial'))).toEqual([]);
    const pdfs = files.filter((f) => f.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThan(0);
    expect(pdfs.length).toBeLessThan(18);
    for (const pdf of pdfs) {
      const bytes = readFileSync(join(out, pdf));
      expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
      expect(bytes.subarray(-10).toString()).toContain('%%EOF');
      expect(statSync(join(out, pdf)).size).toBeGreaterThan(1000);
    }
    // Chromium started by that run has gone with it.
    await new Promise((r) => setTimeout(r, 500));
    expect(marked(mark)).toEqual([]);
  }, 60_000);
});
