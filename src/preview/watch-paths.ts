import { statSync, watch, type FSWatcher } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * Watches files and folders (folders recursively; Node 20 supports that on Linux, macOS and
 * Windows) and calls `onChange` with the absolute paths that changed, gathered over `delayMs` so an
 * editor's save (write, rename, chmod) becomes one call. A file is watched through its folder, so
 * editors that save by replacing the file keep being seen. Returns a function that stops watching.
 */
export function watchPaths(paths: readonly string[], onChange: (changed: Set<string>) => void, delayMs = 120): () => void {
  const watchers: FSWatcher[] = [];
  let pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const flush = () => {
    timer = undefined;
    const changed = pending;
    pending = new Set();
    if (changed.size > 0) onChange(changed);
  };
  const note = (path: string) => {
    pending.add(path);
    if (timer) clearTimeout(timer);
    timer = setTimeout(flush, delayMs);
  };
  for (const path of new Set(paths.map((p) => resolve(p)))) {
    let folder = false;
    try {
      folder = statSync(path).isDirectory();
    } catch {
      // A path that does not exist yet is watched through its folder, like a file.
    }
    try {
      if (folder) {
        watchers.push(watch(path, { recursive: true }, (_event, name) => note(name ? join(path, name.toString()) : path)));
      } else {
        const parent = dirname(path);
        watchers.push(
          watch(parent, (_event, name) => {
            if (name && join(parent, name.toString()) === path) note(path);
          }),
        );
      }
    } catch {
      // A folder that cannot be watched (gone, no permission) is left out; the rest still work.
    }
  }
  for (const watcher of watchers) watcher.on('error', () => undefined);
  return () => {
    if (timer) clearTimeout(timer);
    for (const watcher of watchers) watcher.close();
  };
}
