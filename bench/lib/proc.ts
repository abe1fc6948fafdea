/**
 * Child processes for the benchmark: wall-clock timing, the peak RSS of the child's own process,
 * a watch on its process tree (did it start a Chromium? how many renderers at once?), and cleanup
 * that never leaves a Chromium behind.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

const pageKb = 4; // statm counts 4 KiB pages on x86-64 and arm64 Linux

/** One process from /proc. */
interface ProcInfo {
  pid: number;
  ppid: number;
}

function readProcs(): ProcInfo[] {
  const out: ProcInfo[] = [];
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return out;
  }
  for (const name of names) {
    const pid = Number(name);
    if (!Number.isInteger(pid) || pid <= 0) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
      // pid (comm) state ppid ...: comm may hold spaces and parentheses, so read after the last ')'.
      const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.push({ pid, ppid: Number(rest[1]) });
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

/** Every descendant of `root` (not root itself), from one snapshot of /proc. */
export function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const p of readProcs()) {
    const list = children.get(p.ppid);
    if (list) list.push(p.pid);
    else children.set(p.ppid, [p.pid]);
  }
  const found: number[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop() as number;
    for (const child of children.get(pid) ?? []) {
      found.push(child);
      stack.push(child);
    }
  }
  return found;
}

function cmdline(pid: number): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'latin1').replace(/\0/g, ' ');
  } catch {
    return undefined;
  }
}

const isChromium = (cmd: string) => /chrom(e|ium)/i.test(cmd.split(' ')[0] ?? '') && !(cmd.split(' ')[0] ?? '').includes('crashpad');

function rssKb(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/statm`, 'latin1').split(' ')[1]) * pageKb;
  } catch {
    return 0;
  }
}

/** VmHWM (peak RSS of this process alone) in kB, or 0. */
function hwmKb(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

// --- CPU time ----------------------------------------------------------------------------------------

let clockTicks = 100;
try {
  clockTicks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
} catch {
  // Linux's usual USER_HZ
}

/** CPU time (user + system) a process has used so far, ms; 0 when it is gone. */
function cpuMsOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the comm: state(0) ppid(1) ... utime(11) stime(12)
    return ((Number(rest[11]) + Number(rest[12])) * 1000) / clockTicks;
  } catch {
    return 0;
  }
}

/** CPU time (user + system, ms) of this process itself. */
export function selfCpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

// --- Chromium bookkeeping, for cleanup ------------------------------------------------------------

/** Every Chromium process a watched tree ever had, with its command line (to tell a reused pid). */
const seenChromium = new Map<number, string>();

export function rememberChromium(pid: number): void {
  const cmd = cmdline(pid);
  if (cmd && isChromium(cmd)) seenChromium.set(pid, cmd);
}

/** Chromium processes seen during the run that are still alive (same pid, same command line). */
export function leftoverChromium(): number[] {
  const alive: number[] = [];
  for (const [pid, cmd] of seenChromium) {
    const now = cmdline(pid);
    if (now === cmd && !isZombie(pid)) alive.push(pid);
    else seenChromium.delete(pid);
  }
  return alive;
}

function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    return stat.slice(stat.lastIndexOf(')') + 2).startsWith('Z');
  } catch {
    return true;
  }
}

/** Signals pids; ignores those already gone. */
export function signalAll(pids: readonly number[], signal: NodeJS.Signals): void {
  for (const pid of pids) {
    try {
      process.kill(pid, signal);
    } catch {
      // already gone
    }
  }
}

// --- watching a process tree ----------------------------------------------------------------------

export interface TreeStats {
  /** A Chromium process appeared in the tree. */
  chromium: boolean;
  /** Milliseconds from spawn to the first Chromium process seen. */
  chromiumAtMs?: number;
  /** Most renderer processes alive at once. */
  peakRenderers: number;
  /** Most Chromium processes alive at once. */
  peakChromium: number;
  /** Largest sum of RSS over the Chromium processes (shared pages counted in each), kB. */
  peakChromiumRssKb: number;
  /** VmHWM of the root process as last polled, kB. */
  rootHwmKb: number;
  /**
   * CPU time the root's descendants used during the watch (user + system, ms), as last polled: a
   * process that ends loses at most one interval. Chromium's renderers are reparented, not waited
   * for, when the browser is killed, so the kernel's per-child totals would miss them.
   */
  descendantsCpuMs: number;
  /** Output files counted over time: [ms since spawn, count]. */
  files: [number, number][];
}

export interface WatchOptions {
  intervalMs: number;
  /** Counts output files (e.g. PDFs) on each poll, for a timeline of the run. */
  countFiles?: () => number;
}

/** Polls the tree under `root` until stopped. */
export function watchTree(root: number, startedAt: number, options: WatchOptions): { stop: () => TreeStats } {
  const stats: TreeStats = {
    chromium: false,
    peakRenderers: 0,
    peakChromium: 0,
    peakChromiumRssKb: 0,
    rootHwmKb: 0,
    descendantsCpuMs: 0,
    files: [],
  };
  const kinds = new Map<number, 'chromium' | 'renderer' | 'other'>();
  /** CPU per descendant: [at the start of the watch (processes already there), last polled]. */
  const cpu = new Map<number, [number, number]>();
  let firstPoll = true;
  let lastCount = -1;
  const poll = () => {
    const hwm = hwmKb(root);
    if (hwm > 0) stats.rootHwmKb = hwm;
    let chromium = 0;
    let renderers = 0;
    let rss = 0;
    for (const pid of descendants(root)) {
      const used = cpuMsOf(pid);
      const seen = cpu.get(pid);
      if (seen) seen[1] = Math.max(seen[1], used);
      else cpu.set(pid, [firstPoll ? used : 0, used]);
      let kind = kinds.get(pid);
      if (!kind) {
        const cmd = cmdline(pid);
        if (!cmd) continue;
        kind = !isChromium(cmd) ? 'other' : cmd.includes('--type=renderer') ? 'renderer' : 'chromium';
        kinds.set(pid, kind);
        if (kind !== 'other') seenChromium.set(pid, cmd);
      }
      if (kind === 'other') continue;
      chromium++;
      if (kind === 'renderer') renderers++;
      rss += rssKb(pid);
    }
    if (chromium > 0 && !stats.chromium) {
      stats.chromium = true;
      stats.chromiumAtMs = performance.now() - startedAt;
    }
    stats.peakChromium = Math.max(stats.peakChromium, chromium);
    stats.peakRenderers = Math.max(stats.peakRenderers, renderers);
    stats.peakChromiumRssKb = Math.max(stats.peakChromiumRssKb, rss);
    firstPoll = false;
    stats.descendantsCpuMs = [...cpu.values()].reduce((t, [from, to]) => t + to - from, 0);
    if (options.countFiles) {
      const count = options.countFiles();
      if (count !== lastCount) {
        stats.files.push([performance.now() - startedAt, count]);
        lastCount = count;
      }
    }
  };
  poll();
  const timer = setInterval(poll, options.intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      poll();
      return stats;
    },
  };
}

// --- running a child -------------------------------------------------------------------------------

export interface RunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** For a node child: report the peak RSS of that node process itself (process.resourceUsage at exit). */
  nodeRss?: boolean;
  watch?: WatchOptions;
  /** Killed (tree and all) after this long. */
  timeoutMs?: number;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  wallMs: number;
  /** CPU time (user + system, ms) of the child's tree: the node child's own (nodeRss) plus its descendants' (watch). */
  cpuMs?: number;
  /** The node child's own CPU time (nodeRss), ms. */
  ownCpuMs?: number;
  stdout: string;
  stderr: string;
  /** Peak RSS of the child's own process in kB (nodeRss), else the polled VmHWM, else undefined. */
  maxRssKb?: number;
  tree?: TreeStats;
  timedOut: boolean;
}

const live = new Set<ChildProcess>();

/**
 * Prepended to a node child's arguments: at exit, writes the process's own peak RSS (kB) to fd 3.
 * process.resourceUsage() is RUSAGE_SELF, so Chromium and other children are not counted
 * (/usr/bin/time %M reports the largest process of the whole tree, Chromium's included).
 */
const rssProbe = `data:text/javascript,${encodeURIComponent(
  "import { writeSync } from 'node:fs'; process.on('exit', () => { try { const u = process.resourceUsage(); writeSync(3, JSON.stringify({ rss: u.maxRSS, cpu: (u.userCPUTime + u.systemCPUTime) / 1000 })); } catch {} });",
)}`;

/** Runs a command and waits for it, timing it from spawn to exit. */
export function run(command: string, args: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  const argv = options.nodeRss ? ['--import', rssProbe, ...args] : [...args];
  return new Promise((resolvePromise, reject) => {
    const startedAt = performance.now();
    const child = spawn(command, argv, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe', options.nodeRss ? 'pipe' : 'ignore'],
    });
    live.add(child);
    let stdout = '';
    let stderr = '';
    let rss = '';
    let exitedAt = 0;
    let timedOut = false;
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr?.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    (child.stdio[3] as NodeJS.ReadableStream | null)?.setEncoding('utf8').on('data', (d: string) => (rss += d));
    const watcher = options.watch && child.pid ? watchTree(child.pid, startedAt, options.watch) : undefined;
    const timer = options.timeoutMs
      ? setTimeout(() => {
          timedOut = true;
          if (child.pid) killTree(child.pid);
        }, options.timeoutMs)
      : undefined;
    child.on('error', (error) => {
      live.delete(child);
      watcher?.stop();
      if (timer) clearTimeout(timer);
      reject(error);
    });
    child.on('exit', () => {
      exitedAt = performance.now();
    });
    child.on('close', (code, signal) => {
      live.delete(child);
      if (timer) clearTimeout(timer);
      const tree = watcher?.stop();
      let probed: { rss?: number; cpu?: number } = {};
      try {
        probed = JSON.parse(rss) as typeof probed;
      } catch {
        // killed before it could say
      }
      const cpuMs = probed.cpu !== undefined || tree ? (probed.cpu ?? 0) + (tree?.descendantsCpuMs ?? 0) : undefined;
      resolvePromise({
        code,
        signal,
        wallMs: (exitedAt || performance.now()) - startedAt,
        cpuMs,
        ownCpuMs: probed.cpu,
        stdout,
        stderr,
        maxRssKb: probed.rss || tree?.rootHwmKb || undefined,
        tree,
        timedOut,
      });
    });
  });
}

/** SIGTERM to a process and its descendants (snapshotted first), SIGKILL to whatever is left 1.5 s later. */
export function killTree(root: number): void {
  const pids = [root, ...descendants(root)];
  for (const pid of pids) rememberChromium(pid);
  signalAll(pids, 'SIGTERM');
  setTimeout(() => signalAll(pids, 'SIGKILL'), 1500).unref();
}

/** Synchronous last-resort cleanup: every live child's tree and every Chromium seen, SIGKILLed. */
export function killEverything(): void {
  const pids = new Set<number>();
  for (const child of live) if (child.pid) [child.pid, ...descendants(child.pid)].forEach((p) => pids.add(p));
  for (const pid of descendants(process.pid)) pids.add(pid);
  for (const pid of leftoverChromium()) pids.add(pid);
  pids.delete(process.pid);
  signalAll([...pids], 'SIGKILL');
}
