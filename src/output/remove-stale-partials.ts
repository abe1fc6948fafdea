import { readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';

/** The name warta gives a file while writing it (see write-file-atomic.ts): `<name>.<pid>.<8 hex digits>.partial`. */
const partialName = /\.\d+\.[0-9a-f]{8}\.partial$/;

/**
 * Removes the temporary files that writes killed half-way left anywhere under `root` (the root
 * included), so no run leaves them behind for good. Only names warta gives such files are removed;
 * links are removed as links, never followed, and folders deeper than `maxDepth` are not visited.
 * Call it only while holding the folder's lock: another run's writes in progress look the same.
 * Best effort: what cannot be read or removed stays. Returns the paths removed.
 */
export function removeStalePartials(root: string, maxDepth = 8): string[] {
  const removed: string[] = [];
  const visit = (dir: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (depth < maxDepth) visit(path, depth + 1);
      } else if ((entry.isFile() || entry.isSymbolicLink()) && partialName.test(entry.name)) {
        try {
          unlinkSync(path);
          removed.push(path);
        } catch {
          // Left for the next run.
        }
      }
    }
  };
  visit(root, 0);
  return removed;
}
