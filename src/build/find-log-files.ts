import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Log files found under the given paths, and the paths that could not be read. */
export interface FoundLogs {
  files: string[];
  missing: { path: string; reason: string }[];
}

const skipped = (name: string) => name.startsWith('.') || name.startsWith('_') || name === 'node_modules' || /^readme\.md$/i.test(name);

/**
 * Every Markdown log under the paths: a file is taken as it is, a folder is searched recursively
 * for `*.md` (leaving out README.md, hidden files and names starting with `_`). Sorted, no duplicates.
 */
export function findLogFiles(paths: readonly string[], cwd: string): FoundLogs {
  const files = new Set<string>();
  const missing: FoundLogs['missing'] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (skipped(entry.name)) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) files.add(full);
    }
  };
  for (const path of paths) {
    const full = resolve(cwd, path);
    try {
      const stat = statSync(full);
      if (stat.isDirectory()) walk(full);
      else files.add(full);
    } catch (error) {
      missing.push({
        path,
        reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (error as Error).message,
      });
    }
  }
  return { files: [...files].sort(), missing };
}
