import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../output/write-file-atomic.js';

/** File in the output folder that remembers what each output was made from. */
export const cacheFileName = '.warta-cache.json';

/** Largest cache read: one entry is about 100 bytes, so this holds hundreds of thousands of outputs. */
export const maxCacheBytes = 64 * 1024 * 1024;

/** Least time between two saves while a run writes (the last save comes at the end). */
const saveInterval = 1000;

/** Hashes of the inputs of every output file of earlier runs, by output path relative to the output folder. */
export interface RenderCache {
  /** Input hash of an output, or undefined when it was never written. */
  get(relativePath: string): string | undefined;
  /**
   * Forgets the outputs about to be rewritten and saves at once, before any of them is written: a
   * run killed while writing them leaves no entry that claims an old file is current. Returns why
   * that could not be saved; then the old cache file is removed, or, when even that fails, the
   * result is `kept`: the old entries stay on disk and the outputs must not be rewritten.
   */
  invalidate(relativePaths: readonly string[]): { problem?: string; kept?: boolean };
  /** Remembers an output once its file is written. */
  set(relativePath: string, hash: string): void;
  /** Saves when the last save is a second old, so a long run keeps what it wrote; returns why it could not. */
  saveSoon(): string | undefined;
  /** Writes the cache atomically; returns why it could not (the next run then renders everything again). */
  save(): string | undefined;
  /** Why the cache file was not read (a link, a folder, too large, unreadable); undefined when it was, or was missing. */
  readonly problem: string | undefined;
}

/**
 * Reads the cache of an output folder. The cache is untrusted (it may be committed, planted or
 * damaged): it is read only when it is a regular file of at most {@link maxCacheBytes}, opened
 * without following a link; anything else, and damaged JSON, is an empty cache (everything renders).
 */
export function openRenderCache(outDir: string): RenderCache {
  const file = join(outDir, cacheFileName);
  const read = readCacheFile(file);
  const entries = new Map<string, string>(read.entries);
  let dirty = false;
  let broken: string | undefined;
  let lastSave = Date.now();

  const save = (): string | undefined => {
    if (broken !== undefined) return undefined; // said once; the file is gone or never trusted again
    if (!dirty) return undefined;
    try {
      writeFileAtomic(file, `${JSON.stringify({ version: 1, outputs: Object.fromEntries(entries) }, null, 0)}\n`, { within: outDir });
      dirty = false;
      lastSave = Date.now();
      return undefined;
    } catch (error) {
      broken = `could not be saved (${reason(error)}); the next run renders every document again`;
      // An old cache left behind would call files unchanged that this run rewrites.
      if (!removeStale(file)) broken += '; the old cache could not be removed either';
      return broken;
    }
  };

  return {
    problem: read.problem,
    get: (path) => entries.get(path),
    invalidate: (paths) => {
      for (const path of paths) if (entries.delete(path)) dirty = true;
      const problem = save();
      return problem === undefined ? {} : { problem, kept: !removeStale(file) };
    },
    set: (path, hash) => {
      entries.set(path, hash);
      dirty = true;
    },
    saveSoon: () => (Date.now() - lastSave >= saveInterval ? save() : undefined),
    save,
  };
}

/** Removes a cache file that could not be replaced; true when none is left that a later run would read. */
function removeStale(file: string): boolean {
  try {
    // A folder or anything else that is not a regular file is never read: only a file matters.
    if (!lstatSync(file).isFile()) return true;
    rmSync(file, { force: true });
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  return code ?? ((error as Error)?.message ?? String(error)).split('\n')[0] ?? 'unknown error';
}

/** The entries of a cache file, or why it was not read. */
function readCacheFile(file: string): { entries: [string, string][]; problem?: string } {
  let stat;
  try {
    stat = lstatSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [] };
    return { entries: [], problem: `could not be read (${reason(error)}); every document is rendered` };
  }
  // Checked before opening: opening a named pipe would wait for a writer, a device could be read for ever.
  if (!stat.isFile())
    return { entries: [], problem: 'is not a regular file (a link, a folder or a device); it is ignored and every document is rendered' };
  let text: string;
  try {
    text = readCapped(file);
  } catch (error) {
    if (error instanceof CacheTooLarge) return { entries: [], problem: error.message };
    return { entries: [], problem: `could not be read (${reason(error)}); every document is rendered` };
  }
  try {
    const data = JSON.parse(text) as { version?: unknown; outputs?: unknown };
    if (data?.version !== 1 || !data.outputs || typeof data.outputs !== 'object' || Array.isArray(data.outputs)) return { entries: [] };
    // Only text hashes count; JSON.parse makes "__proto__" an ordinary own key, and a Map keeps it one.
    return { entries: Object.entries(data.outputs).filter((entry): entry is [string, string] => typeof entry[1] === 'string') };
  } catch {
    return { entries: [] };
  }
}

class CacheTooLarge extends Error {}

/**
 * The file's text, opened without following a link (it may have become one since the lstat) and
 * read only when it is still a regular file of at most {@link maxCacheBytes}.
 */
function readCapped(file: string): string {
  const fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new Error('not a regular file');
    if (stat.size > maxCacheBytes) {
      throw new CacheTooLarge(
        `is ${(stat.size / 1048576).toFixed(1)} MB; expected at most ${maxCacheBytes / 1048576} MB; it is ignored and every document is rendered`,
      );
    }
    // One byte more than the cap: a file that grows while it is read is refused too.
    const buffer = Buffer.alloc(Math.min(stat.size, maxCacheBytes) + 1);
    let length = 0;
    while (length < buffer.length) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0) break;
      length += n;
    }
    if (length > maxCacheBytes) throw new CacheTooLarge(`grew past ${maxCacheBytes / 1048576} MB while it was read; it is ignored`);
    return buffer.toString('utf8', 0, length);
  } finally {
    closeSync(fd);
  }
}
