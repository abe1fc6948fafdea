import { closeSync, fsyncSync, lstatSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';

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
 * The file-system calls a write makes, so a test can watch their order. Only tests pass another
 * set; everyone else gets {@link nodeSyncIo} / {@link nodeAsyncIo}.
 * @internal
 */
export interface SyncIo {
  openSync(path: string, flags: string): number;
  writeFileSync(fd: number, data: string | Uint8Array): void;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  rmSync(path: string, options: { force: boolean }): void;
  platform: NodeJS.Platform;
}

/** An open file as {@link AsyncIo} sees it: the part of `FileHandle` a write uses. @internal */
export interface AsyncIoHandle {
  writeFile(data: string | Uint8Array): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** {@link SyncIo} for {@link writeFileAtomicAsync}. @internal */
export interface AsyncIo {
  open(path: string, flags: string): Promise<AsyncIoHandle>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: boolean }): Promise<void>;
  platform: NodeJS.Platform;
}

/** @internal */
export const nodeSyncIo: SyncIo = {
  openSync: (path, flags) => openSync(path, flags),
  writeFileSync: (fd, data) => writeFileSync(fd, data),
  fsyncSync: (fd) => fsyncSync(fd),
  closeSync: (fd) => closeSync(fd),
  renameSync: (from, to) => renameSync(from, to),
  rmSync: (path, options) => rmSync(path, options),
  platform: process.platform,
};

/** @internal */
export const nodeAsyncIo: AsyncIo = {
  open: (path, flags) => open(path, flags),
  rename: (from, to) => rename(from, to),
  rm: (path, options) => rm(path, options),
  platform: process.platform,
};

/**
 * What opening or fsyncing a folder may answer on file systems that cannot flush a folder (some
 * network and FUSE file systems, WSL's drvfs), or for a folder that may be written but not read
 * (EACCES): the rename is done, so warta carries on without the guarantee.
 */
const folderSyncRefusals = new Set(['EINVAL', 'EISDIR', 'EPERM', 'EACCES']);

/** True when a folder's fsync failed only because the file system refuses it. */
function refusedFolderSync(error: unknown): boolean {
  return folderSyncRefusals.has((error as NodeJS.ErrnoException).code ?? '');
}

/**
 * Makes the rename into `dir` durable: a rename is a change to the folder, which the kernel may
 * still hold in memory after the file's own data is on disk. Node cannot open a folder on Windows,
 * so it is skipped there.
 */
function syncFolder(dir: string, io: SyncIo): void {
  if (io.platform === 'win32') return;
  let fd: number;
  try {
    fd = io.openSync(dir, 'r');
  } catch (error) {
    if (refusedFolderSync(error)) return;
    throw error;
  }
  try {
    io.fsyncSync(fd);
  } catch (error) {
    if (!refusedFolderSync(error)) throw error;
  } finally {
    io.closeSync(fd);
  }
}

/** {@link syncFolder} without blocking. */
async function syncFolderAsync(dir: string, io: AsyncIo): Promise<void> {
  if (io.platform === 'win32') return;
  let handle: AsyncIoHandle;
  try {
    handle = await io.open(dir, 'r');
  } catch (error) {
    if (refusedFolderSync(error)) return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (!refusedFolderSync(error)) throw error;
  } finally {
    await handle.close();
  }
}

/**
 * Writes a file so that readers see the old file or the whole new one, never a part: the data goes
 * to a temporary file beside it, which is then renamed over the target. The temporary file is
 * created exclusively (`wx`), so nothing placed at its name in advance (a symlink, say) is written
 * through; the rename replaces a symlink at `path` itself rather than writing where it points.
 * With `within`, a path outside that folder, or through a symbolic link inside it, is refused.
 *
 * It survives a crash or power cut too: the temporary file is fsynced before the rename (else the
 * rename could reach the disk before the data, leaving an empty file under the target's name), and
 * the folder after it (else the rename itself could be lost). `io` is for tests only.
 */
export function writeFileAtomic(path: string, data: string | Uint8Array, options: WriteFileOptions = {}, io: SyncIo = nodeSyncIo): void {
  const temporary = prepareWrite(path, options);
  // Set once the temporary file is ours: if opening it fails (EEXIST: the name was taken before we
  // came), what is there is not ours to remove.
  let created = false;
  try {
    const fd = io.openSync(temporary, 'wx');
    created = true;
    try {
      io.writeFileSync(fd, data);
      io.fsyncSync(fd);
    } finally {
      io.closeSync(fd);
    }
    io.renameSync(temporary, path);
  } catch (error) {
    if (created) io.rmSync(temporary, { force: true });
    throw error;
  }
  syncFolder(dirname(path), io);
}

/** {@link writeFileAtomic} without blocking: a batch overlaps its writes with each other and with printing. */
export async function writeFileAtomicAsync(
  path: string,
  data: string | Uint8Array,
  options: WriteFileOptions = {},
  io: AsyncIo = nodeAsyncIo,
): Promise<void> {
  const temporary = prepareWrite(path, options);
  let created = false;
  try {
    const handle = await io.open(temporary, 'wx');
    created = true;
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await io.rename(temporary, path);
  } catch (error) {
    if (created) await io.rm(temporary, { force: true });
    throw error;
  }
  await syncFolderAsync(dirname(path), io);
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
