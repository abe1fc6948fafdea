import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** Log files found under the given paths, and the paths that could not be read. */
export interface FoundLogs {
  files: string[];
  missing: { path: string; reason: string }[];
  /** Symbolic links met while searching folders: never followed (see {@link findLogFiles}). */
  skipped: { path: string; reason: string }[];
}

const skipped = (name: string) => name.startsWith('.') || name.startsWith('_') || name === 'node_modules' || /^readme\.md$/i.test(name);

/**
 * Every Markdown log under the paths: a file is taken as it is, a folder is searched recursively
 * for `*.md` (leaving out README.md, hidden files and names starting with `_`). Sorted, no duplicates.
 *
 * Paths given are followed even when they are symbolic links: the user named them. Symbolic links
 * found while searching a folder are not followed (a link in a pull request could otherwise make
 * warta read files from anywhere, or search in a loop); they are listed in `skipped`. A folder that
 * cannot be read is listed in `missing` and the search goes on.
 */
export function findLogFiles(paths: readonly string[], cwd: string): FoundLogs {
  const files = new Set<string>();
  const missing: FoundLogs['missing'] = [];
  const links: FoundLogs['skipped'] = [];
  const walk = (dir: string, shown: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (error) {
      missing.push({ path: shown, reason: `cannot read the folder: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}` });
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (skipped(entry.name)) continue;
      const full = join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        if (entry.name.toLowerCase().endsWith('.md') || isFolder(full))
          links.push({
            path: join(shown, entry.name),
            reason: 'symbolic link inside a folder; not followed (name it on the command line to read it)',
          });
      } else if (entry.isDirectory()) walk(full, join(shown, entry.name));
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.md')) files.add(full);
    }
  };
  for (const path of paths) {
    const full = resolve(cwd, path);
    try {
      const stat = statSync(full);
      if (stat.isDirectory()) walk(full, path);
      else files.add(full);
    } catch (error) {
      missing.push({
        path,
        reason: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (error as Error).message,
      });
    }
  }
  return { files: [...files].sort(), missing, skipped: links };
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
