import { lstatSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';

/** Options for {@link writeFileAtomic}. */
export interface WriteFileOptions {
  /**
   * The folder the file must stay in (the output folder). The path must lie under it, and no folder
   * between it and the file may be a symbolic link: a link planted in the output folder (committed
   * to the repository, say) could otherwise send the write anywhere. The folder itself may be a
   * link: the user chose it.
   */
  within?: string;
}

/** Why a write was refused: the path leaves the folder it must stay in. */
export class OutsideOutputError extends Error {
  readonly code = 'EOUTSIDE';
  constructor(message: string) {
    super(message);
    this.name = 'OutsideOutputError';
  }
}

// Folders already checked in this process: a batch writes many files into each, and a check costs an lstat per level.
const checkedFolders = new Set<string>();

/** Forgets which folders were checked, so a run sees links planted since the last one. */
export function forgetCheckedFolders(): void {
  checkedFolders.clear();
}

/** Creates the folders from `root` down to `dir`, refusing any that is a symbolic link or not a folder. */
function makeFoldersWithin(root: string, dir: string): void {
  if (checkedFolders.has(`${root}\0${dir}`)) return;
  mkdirSync(root, { recursive: true });
  const steps = relative(root, dir).split(sep).filter(Boolean);
  let current = root;
  for (const step of steps) {
    current = join(current, step);
    let stat;
    try {
      stat = lstatSync(current);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      mkdirSync(current);
      continue;
    }
    if (stat.isSymbolicLink()) throw new OutsideOutputError(`${current} is a symbolic link; warta does not write through links inside ${root}`);
    if (!stat.isDirectory()) throw new OutsideOutputError(`${current} is not a folder`);
  }
  checkedFolders.add(`${root}\0${dir}`);
}

/**
 * Writes a file so that readers see the old file or the whole new one, never a part: the data goes
 * to a temporary file beside it, which is then renamed over the target. The temporary file is
 * created exclusively (`wx`), so nothing placed at its name in advance (a symlink, say) is written
 * through; the rename replaces a symlink at `path` itself rather than writing where it points.
 * With `within`, a path outside that folder, or through a symbolic link inside it, is refused.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, options: WriteFileOptions = {}): void {
  const temporary = prepareWrite(path, options);
  try {
    writeFileSync(temporary, data, { flag: 'wx' });
    renameSync(temporary, path);
  } catch (error) {
    // EEXIST: the name was taken before we came; what is there is not ours to remove.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') rmSync(temporary, { force: true });
    throw error;
  }
}

/** {@link writeFileAtomic} without blocking: a batch overlaps its writes with each other and with printing. */
export async function writeFileAtomicAsync(path: string, data: string | Uint8Array, options: WriteFileOptions = {}): Promise<void> {
  const temporary = prepareWrite(path, options);
  try {
    await writeFile(temporary, data, { flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') await rm(temporary, { force: true });
    throw error;
  }
}

/** Checks the path against `within`, makes its folder, and names the temporary file to write first. */
function prepareWrite(path: string, options: WriteFileOptions): string {
  if (options.within !== undefined) {
    const root = resolve(options.within);
    const target = resolve(path);
    const inside = relative(root, target);
    if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside))
      throw new OutsideOutputError(`${path} is outside ${options.within}; warta writes only inside its output folder`);
    makeFoldersWithin(root, dirname(target));
  } else {
    mkdirSync(dirname(path), { recursive: true });
  }
  return `${path}.${process.pid}.${randomBytes(4).toString('hex')}.partial`;
}
