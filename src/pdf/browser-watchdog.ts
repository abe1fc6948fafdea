import { spawn } from 'node:child_process';
import type { Socket } from 'node:net';

/**
 * The watchdog's program, run by `node -e` with Chromium's profile folder as its argument. Its
 * standard input is a pipe from warta, which writes Chromium's pid to it once the browser runs. The
 * pipe reaches its end when warta closes it or when warta dies in any way, SIGKILL included (the
 * kernel closes a dead process's files). Then Chromium, which ends by itself when its own pipe to
 * warta closes, gets a moment to do so; what is left of it is killed and the profile folder removed.
 * On Linux Chromium's processes are the ones whose command line names the profile folder (so also
 * one that started before warta could tell its pid, and never a process that reused a pid);
 * elsewhere the pid warta told, with its process group. The watchdog ignores the signals a terminal
 * sends, so closing the terminal that ran warta cannot stop it before it has cleaned up.
 */
const program = String.raw`
const { readdirSync, readFileSync, rmSync } = require('node:fs');
const profile = process.argv[1];
let told;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT']) process.on(signal, () => undefined);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const browserPids = () => {
  if (process.platform === 'linux') {
    const found = [];
    for (const name of readdirSync('/proc')) {
      if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
      try {
        if (readFileSync('/proc/' + name + '/cmdline', 'utf8').includes('--user-data-dir=' + profile)) found.push(Number(name));
      } catch {}
    }
    return found;
  }
  try {
    if (told === undefined) return [];
    process.kill(told, 0);
    return [told];
  } catch {
    return [];
  }
};
const waitFor = async (ms) => {
  const end = Date.now() + ms;
  while (browserPids().length > 0 && Date.now() < end) await sleep(50);
};
let started = false;
const cleanUp = async () => {
  if (started) return;
  started = true;
  await waitFor(3000);
  const left = browserPids();
  if (left.length > 0) {
    if (told !== undefined && process.platform !== 'win32') left.unshift(-told);
    for (const pid of left) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {}
    }
    await waitFor(1000);
  }
  for (let attempt = 0; attempt < 40; attempt++) {
    try {
      rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
      break;
    } catch {
      await sleep(50);
    }
  }
  process.exit(0);
};
let input = '';
process.stdin.on('data', (chunk) => {
  input += chunk;
  const pid = Number(input.trim().split('\n').pop());
  if (Number.isInteger(pid) && pid > 0) told = pid;
});
process.stdin.on('end', cleanUp);
process.stdin.on('close', cleanUp);
process.stdin.on('error', cleanUp);
process.stdin.resume();
`;

/** A watchdog started by {@link watchBrowser}. */
export interface BrowserWatchdog {
  /** Tells the watchdog the pid of the Chromium started with the profile folder. */
  started(pid: number): void;
  /** Tells the watchdog that warta is done with the browser: it cleans up whatever is left, then ends. */
  release(): void;
}

/**
 * Starts a small process that outlives warta, to kill the Chromium that is about to be started with
 * the `profile` folder and to remove that folder once warta is done with it or is gone, however it
 * ended. Start it before Chromium, so no moment is left in which warta could die unwatched. It runs
 * in its own session with no output and does not keep warta running. Returns undefined when it could
 * not be started; Chromium launched with `pipe: true` still ends with warta.
 */
export function watchBrowser(profile: string): BrowserWatchdog | undefined {
  try {
    const child = spawn(process.execPath, ['-e', program, profile], {
      detached: true,
      stdio: ['pipe', 'ignore', 'ignore'],
      windowsHide: true,
    });
    child.on('error', () => undefined);
    const input = child.stdin as Socket | null;
    input?.on('error', () => undefined);
    child.unref();
    input?.unref();
    return {
      started: (pid) => {
        if (input?.writable) input.write(`${pid}\n`);
      },
      release: () => input?.end(),
    };
  } catch {
    return undefined;
  }
}
