import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../output/write-file-atomic.js';

/** File in the output folder that remembers what each output was made from. */
export const cacheFileName = '.warta-cache.json';

/** Hashes of the inputs of every output file of earlier runs, by output path relative to the output folder. */
export interface RenderCache {
  /** Input hash of an output, or undefined when it was never written. */
  get(relativePath: string): string | undefined;
  set(relativePath: string, hash: string): void;
  /** Writes the cache atomically; outputs that failed are simply not in it. */
  save(): void;
}

/** Reads the cache of an output folder; a missing or damaged cache is an empty one (everything renders). */
export function openRenderCache(outDir: string): RenderCache {
  const file = join(outDir, cacheFileName);
  let entries: Record<string, string> = {};
  if (existsSync(file)) {
    try {
      const data = JSON.parse(readFileSync(file, 'utf8')) as { version?: number; outputs?: Record<string, string> };
      if (data.version === 1 && data.outputs && typeof data.outputs === 'object') entries = { ...data.outputs };
    } catch {
      entries = {};
    }
  }
  let dirty = false;
  return {
    get: (path) => (Object.hasOwn(entries, path) ? entries[path] : undefined),
    set: (path, hash) => {
      entries[path] = hash;
      dirty = true;
    },
    save: () => {
      if (dirty) writeFileAtomic(file, `${JSON.stringify({ version: 1, outputs: entries }, null, 0)}\n`, { within: outDir });
    },
  };
}
