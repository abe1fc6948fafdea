import { closeSync, lstatSync, mkdirSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { WartaError } from '../errors.js';

/** The lock file in an output folder: it names the run that writes there. */
export const lockFileName = '.warta-lock';

/** How long a second run waits for the folder by default, in milliseconds. */
export const defaultLockWaitMs = 5000;

/** What a lock file says about its holder. */
export interface LockHolder {
  pid: number;
  /** When the holder took the lock (ISO 8601). */
  started: string;
  /** What the holder runs: `render`, `preview`. */
  command?: string;
  host?: string;
  /** Tells this holder's lock from another's with the same pid. */
  token?: string;
}

/** A held lock on an output folder. */
export interface OutputLock {
  readonly folder: string;
  readonly path: string;
  /** False when the folder could not hold a lock file (read-only, full) and is used unlocked. */
  readonly held: boolean;
  /** Removes the lock file, when it is still this lock's. Safe to call more than once. */
  release(): void;
}

/** Options for {@link lockOutputFolder}. */
export interface LockOptions {
  /** Written into the lock for a second run's message: `render`, `preview`. */
  command?: string;
  /** How long to wait for a live holder before failing; default {@link defaultLockWaitMs}. */
  waitMs?: number;
  /** Told about a stale lock taken over, or a folder that could not be locked at all. */
  onWarning?: (path: string, message: string) => void;
}

/** Locks held by this process, by lock path: their files are removed if warta exits without releasing them. */
const held = new Map<string, string>();
let exitHandler = false;

/** When the process `pid` started (ms since 1970), where the system tells (Linux); undefined elsewhere. */
function processStartTime(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ticks = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    const boot = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
    // Clock ticks are 1/100 s on every Linux that Node runs on (USER_HZ).
    return Number.isFinite(ticks) && Number.isFinite(boot) ? boot * 1000 + ticks * 10 : undefined;
  } catch {
    return undefined;
  }
}

/** True when the holder of a lock may still be running (a pid on another host is not checked, so it counts). */
function holderRuns(holder: LockHolder, path: string): boolean {
  if (holder.host !== undefined && holder.host !== hostname()) return true;
  if (holder.pid === process.pid) return held.get(path) === holder.token && holder.token !== undefined;
  try {
    process.kill(holder.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  // Alive, but maybe a later process that got the pid of a holder killed long ago.
  const started = processStartTime(holder.pid);
  const locked = Date.parse(holder.started);
  return started === undefined || Number.isNaN(locked) || started <= locked + 2000;
}

type Seen = { kind: 'missing' } | { kind: 'live' | 'stale'; holder?: LockHolder; raw: string };

/** What the lock file at `path` says, read as untrusted input: a regular file of at most 4 kB. */
function inspect(path: string): Seen {
  let stat;
  try {
    stat = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  if (!stat.isFile())
    throw new WartaError('output-locked', `${path} is not a lock file warta wrote (a folder or a link); remove it and run again`);
  let raw = '';
  try {
    if (stat.size <= 4096) raw = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    throw error;
  }
  let holder: LockHolder | undefined;
  try {
    const parsed = JSON.parse(raw) as Partial<LockHolder>;
    if (Number.isInteger(parsed.pid) && (parsed.pid as number) > 0 && typeof parsed.started === 'string') holder = parsed as LockHolder;
  } catch {
    holder = undefined;
  }
  // A lock that cannot be read is being written right now, or is garbage once it is a few seconds old.
  if (!holder) return { kind: Date.now() - stat.mtimeMs < 5000 ? 'live' : 'stale', raw };
  return { kind: holderRuns(holder, path) ? 'live' : 'stale', holder, raw };
}

/** Creates the lock file, failing with EEXIST when there is one (O_EXCL: atomic, and never through a link). */
function create(path: string, holder: LockHolder): void {
  const fd = openSync(path, 'wx', 0o644);
  try {
    writeSync(fd, `${JSON.stringify(holder)}\n`);
  } finally {
    closeSync(fd);
  }
}

/**
 * Removes a stale lock, if it is still the one that was found stale: a guard file taken with O_EXCL
 * makes sure that of two runs that found it stale at once only one removes it (the other would
 * otherwise remove the lock the first had just taken).
 */
function removeStale(path: string, raw: string): boolean {
  const guard = `${path}.takeover`;
  try {
    closeSync(openSync(guard, 'wx', 0o644));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A guard left by a run killed mid-takeover is old after a few seconds.
    try {
      if (Date.now() - statSync(guard).mtimeMs > 10_000) unlinkSync(guard);
    } catch {
      // Gone already.
    }
    return false;
  }
  try {
    const now = inspect(path);
    if (now.kind !== 'stale' || now.raw !== raw) return false;
    unlinkSync(path);
    return true;
  } finally {
    unlinkSync(guard);
  }
}

function describeHolder(holder: LockHolder | undefined): string {
  if (!holder) return 'a run whose lock file is being written';
  const host = holder.host && holder.host !== hostname() ? ` on ${holder.host}` : '';
  return `pid ${holder.pid}${host}${holder.command ? `, warta ${holder.command}` : ''}, started ${holder.started}`;
}

/**
 * Locks the output folder `folder` for one run (creating the folder), so two runs never write into
 * it at once: `.warta-lock` is created with O_EXCL and holds this process's pid, its start time
 * and a token. A lock whose holder is not running (its pid is gone, or belongs to a process that
 * started after the lock was taken) is taken over with a warning. A live holder is waited for up to
 * `waitMs`; then a {@link WartaError} `output-locked` names it. A folder that cannot hold a lock
 * file (read-only, full) is used unlocked with a warning, as before. The lock file is removed on
 * release, and when the process exits without releasing it.
 */
export async function lockOutputFolder(folder: string, options: LockOptions = {}): Promise<OutputLock> {
  const path = join(folder, lockFileName);
  const waitMs = options.waitMs ?? defaultLockWaitMs;
  const token = randomBytes(8).toString('hex');
  const holder: LockHolder = { pid: process.pid, started: new Date().toISOString(), command: options.command, host: hostname(), token };
  const deadline = Date.now() + waitMs;
  const unlocked: OutputLock = { folder, path, held: false, release: () => undefined };
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    // Every write reports the problem itself.
    options.onWarning?.(path, `could not lock the output folder (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
    return unlocked;
  }
  let seen: Seen = { kind: 'missing' };
  for (;;) {
    try {
      create(path, holder);
      held.set(path, token);
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST') {
        options.onWarning?.(path, `could not lock the output folder (${code ?? String(error)}); another run could write into it at the same time`);
        return unlocked;
      }
    }
    seen = inspect(path);
    if (seen.kind === 'stale') {
      if (removeStale(path, seen.raw))
        options.onWarning?.(path, `took over a stale lock of ${describeHolder(seen.holder)} (no longer running)`);
      // Another run is taking it over at this moment: look again shortly.
      else await new Promise((resolve) => setTimeout(resolve, 50));
      continue;
    }
    if (seen.kind === 'missing') continue;
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => setTimeout(resolve, Math.min(100, Math.max(1, deadline - Date.now()))));
  }
  if (held.get(path) !== token) {
    const waited = waitMs >= 1000 ? `${Math.round(waitMs / 1000)} s` : `${waitMs} ms`;
    throw new WartaError(
      'output-locked',
      `the output folder ${folder} is in use by another warta run (${describeHolder(seen.kind === 'missing' ? undefined : seen.holder)}); waited ${waited}. Let it finish or choose another output folder; if no such run exists, delete ${path}`,
    );
  }
  if (!exitHandler) {
    exitHandler = true;
    process.on('exit', () => {
      for (const [lockPath, lockToken] of held) removeOwn(lockPath, lockToken);
    });
  }
  return {
    folder,
    path,
    held: true,
    release: () => {
      if (held.get(path) !== token) return;
      removeOwn(path, token);
    },
  };
}

/** Removes the lock file at `path` if it is still the one with `token`. */
function removeOwn(path: string, token: string): void {
  held.delete(path);
  try {
    const now = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockHolder>;
    if (now.token === token) unlinkSync(path);
  } catch {
    // Gone or replaced: not ours to remove.
  }
}
