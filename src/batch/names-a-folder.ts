import { statSync } from 'node:fs';
import { resolve } from 'node:path';

/** True when one of the paths is a folder: rendering a folder also builds its archive, in the CLI and the API alike. */
export function namesAFolder(paths: readonly string[], cwd: string): boolean {
  return paths.some((path) => {
    try {
      return statSync(resolve(cwd, path)).isDirectory();
    } catch {
      return false;
    }
  });
}
