/**
 * No Chromium outlives warta (issue 15, item 5). A real `warta render` (bin/warta.js, so `npm run
 * build` first) is killed while it prints: with SIGKILL (a CI timeout, the OOM killer), which warta
 * cannot see, and with SIGHUP (the terminal closed). Within a few seconds no Chromium process of that
 * run may be alive and its puppeteer profile folder in the temporary folder must be gone.
 *
 * Only processes this test started are looked at and signalled, by pid: other tests run Chromium
 * at the same time.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';

const root = resolve(import.meta.dirname, '../..');

/** Parent pid and state of a process, or undefined when it is gone. */
function stat(pid: number): { ppid: number; state: string } | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may hold spaces: the fields after it are fixed.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', ppid: Number(fields[1]) };
  } catch {
    return undefined;
  }
}

/** Alive means present and not a zombie (an orphaned zombie waits for a reaper that may never come). */
const alive = (pid: number) => {
  const s = stat(pid);
  return s !== undefined && s.state !== 'Z' && s.state !== 'X';
};

/** Every process below `pid`, found through /proc. */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const s = stat(Number(name));
    if (s) children.set(s.ppid, [...(children.get(s.ppid) ?? []), Number(name)]);
  }
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift() as number) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

const cmdline = (pid: number) => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return [];
  }
};

/** Processes whose environment carries the mark: Chromium's crash handler leaves warta's tree but keeps it. */
function marked(mark: string): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid)
    .map(Number)
    .filter((pid) => {
      try {
        return readFileSync(`/proc/${pid}/environ`).includes(mark);
      } catch {
        return false;
      }
    });
}

/**
 * Chromium's processes among warta's descendants, and the profile folder its browser process was
 * given. A process forked from Chromium's zygote rewrites its command line into one string.
 */
function chromiumOf(pid: number): { pids: number[]; profile?: string; renderers: number } {
  const pids = descendants(pid).filter((p) => /chrom/i.test(cmdline(p)[0] ?? ''));
  const args = pids.flatMap(cmdline);
  const profile = args.find((a) => a.startsWith('--user-data-dir='))?.slice('--user-data-dir='.length);
  return { pids, profile, renderers: args.filter((a) => a.includes('--type=renderer')).length };
}

async function until<T>(what: string, ms: number, probe: () => T | undefined): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

let started: ChildProcess | undefined;
afterEach(() => {
  // A failed test must not leave its own warta running.
  if (started?.pid && alive(started.pid)) started.kill('SIGKILL');
});

/** Starts `warta render` on several logs as PDFs and waits until Chromium prints. */
async function renderUntilPrinting() {
  const dir = tempDir('warta-orphan-');
  for (const name of readdirSync(join(root, 'incidents'))) cpSync(join(root, 'incidents', name), join(dir, name));
  const out = join(dir, 'out');
  // Every process of the run inherits this mark, so one that leaves warta's tree is found too.
  const mark = `warta-orphan-test-${process.pid}-${Date.now()}`;
  const child = spawn(process.execPath, [join(root, 'bin/warta.js'), 'render', dir, '-o', out, '-f', 'pdf', '--jobs', '2'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, WARTA_ORPHAN_TEST_MARK: mark },
  });
  started = child;
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const browser = await until('Chromium to print', 30_000, () => {
    if (child.exitCode !== null) throw new Error(`warta ended before Chromium printed: ${output}`);
    const found = chromiumOf(child.pid as number);
    return found.renderers > 0 && found.profile ? found : undefined;
  });
  // Every Chromium process of the run, the renderers included, as they are now.
  const pids = [...new Set([...chromiumOf(child.pid as number).pids, ...marked(mark)])].filter((pid) => pid !== child.pid);
  expect(existsSync(browser.profile as string)).toBe(true);
  return { child, exited, pids, profile: browser.profile as string, out: () => output };
}

describe('no orphaned browser', () => {
  it('SIGKILL of warta mid-print leaves no Chromium process and no profile folder', async () => {
    const run = await renderUntilPrinting();
    run.child.kill('SIGKILL');
    await run.exited;
    const end = Date.now() + 5000;
    await until('Chromium to end and its profile folder to go', 5000, () =>
      run.pids.every((pid) => !alive(pid)) && !existsSync(run.profile) ? true : undefined,
    ).catch(() => undefined);
    expect(run.pids.filter(alive)).toEqual([]);
    expect(existsSync(run.profile)).toBe(false);
    expect(Date.now()).toBeLessThanOrEqual(end + 100);
  }, 60_000);

  it('SIGHUP (the terminal closed) ends the run like SIGTERM: Chromium closed, profile folder removed', async () => {
    const run = await renderUntilPrinting();
    run.child.kill('SIGHUP');
    const code = await run.exited;
    expect(code, run.out()).toBe(130);
    expect(run.out()).toContain('interrupted');
    await until('Chromium to end', 5000, () => (run.pids.every((pid) => !alive(pid)) ? true : undefined)).catch(() => undefined);
    expect(run.pids.filter(alive)).toEqual([]);
    expect(existsSync(run.profile)).toBe(false);
  }, 60_000);
});
