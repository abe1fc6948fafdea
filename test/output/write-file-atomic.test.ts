/**
 * Durability of atomic writes (issue 14 item 9): the temporary file is fsynced before it is renamed
 * over the target, and the folder after, so a crash or power cut leaves the old file or the whole
 * new one. The writes run against the real file system through a journal that records each call in
 * order, naming files relative to the test's folder (the temporary file as `<tmp>`), and can make
 * any call fail with a given error code.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  nodeAsyncIo,
  nodeSyncIo,
  writeFileAtomic,
  writeFileAtomicAsync,
  type AsyncIo,
  type AsyncIoHandle,
  type SyncIo,
} from '../../src/output/write-file-atomic.js';
import { tempDir } from '../helpers.js';

/** An error as Node's file-system calls throw it. */
function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

interface Journal {
  calls: string[];
  /** Makes the call recorded as `call` (such as `fsync <tmp>`) throw an error with `code`. */
  fail: Map<string, string>;
  /** The name `path` is recorded under. */
  name(path: string): string;
  /** Records `call`, then throws if it was told to fail. */
  record(call: string): void;
}

function journal(root: string): Journal {
  const calls: string[] = [];
  const fail = new Map<string, string>();
  return {
    calls,
    fail,
    name: (path) => relative(root, path).replace(/\.\d+\.[0-9a-f]{8}\.partial$/, '<tmp>') || '.',
    record(call) {
      calls.push(call);
      const code = fail.get(call);
      if (code !== undefined) throw errno(code);
    },
  };
}

/** The real synchronous calls, recorded in `log`. */
function recordingSyncIo(log: Journal, platform: NodeJS.Platform = process.platform): SyncIo {
  const open = new Map<number, string>();
  return {
    platform,
    openSync(path, flags) {
      log.record(`open ${log.name(path)} ${flags}`);
      const fd = nodeSyncIo.openSync(path, flags);
      open.set(fd, log.name(path));
      return fd;
    },
    writeFileSync(fd, data) {
      log.record(`write ${open.get(fd)}`);
      nodeSyncIo.writeFileSync(fd, data);
    },
    fsyncSync(fd) {
      log.record(`fsync ${open.get(fd)}`);
      nodeSyncIo.fsyncSync(fd);
    },
    closeSync(fd) {
      log.calls.push(`close ${open.get(fd)}`);
      nodeSyncIo.closeSync(fd);
    },
    renameSync(from, to) {
      log.record(`rename ${log.name(from)} ${log.name(to)}`);
      nodeSyncIo.renameSync(from, to);
    },
    rmSync(path, options) {
      log.calls.push(`rm ${log.name(path)}`);
      nodeSyncIo.rmSync(path, options);
    },
  };
}

/** The real asynchronous calls, recorded in `log`. */
function recordingAsyncIo(log: Journal, platform: NodeJS.Platform = process.platform): AsyncIo {
  return {
    platform,
    async open(path, flags) {
      const name = log.name(path);
      log.record(`open ${name} ${flags}`);
      const handle = await nodeAsyncIo.open(path, flags);
      const recorded: AsyncIoHandle = {
        async writeFile(data) {
          log.record(`write ${name}`);
          await handle.writeFile(data);
        },
        async sync() {
          log.record(`fsync ${name}`);
          await handle.sync();
        },
        async close() {
          log.calls.push(`close ${name}`);
          await handle.close();
        },
      };
      return recorded;
    },
    async rename(from, to) {
      log.record(`rename ${log.name(from)} ${log.name(to)}`);
      await nodeAsyncIo.rename(from, to);
    },
    async rm(path, options) {
      log.calls.push(`rm ${log.name(path)}`);
      await nodeAsyncIo.rm(path, options);
    },
  };
}

/** The two ways to write, each with its recording calls. */
const writers = [
  {
    kind: 'sync',
    write: async (path: string, data: string, log: Journal, platform?: NodeJS.Platform) =>
      writeFileAtomic(path, data, { within: join(path, '..', '..') }, recordingSyncIo(log, platform)),
  },
  {
    kind: 'async',
    write: (path: string, data: string, log: Journal, platform?: NodeJS.Platform) =>
      writeFileAtomicAsync(path, data, { within: join(path, '..', '..') }, recordingAsyncIo(log, platform)),
  },
];

describe.each(writers)('writeFileAtomic ($kind) is durable', ({ write }) => {
  it('fsyncs the file before the rename and the folder after it', async () => {
    const root = tempDir();
    const path = join(root, 'out', 'report.html');
    const log = journal(root);
    await write(path, 'new', log);
    expect(log.calls).toEqual([
      'open out/report.html<tmp> wx',
      'write out/report.html<tmp>',
      'fsync out/report.html<tmp>',
      'close out/report.html<tmp>',
      'rename out/report.html<tmp> out/report.html',
      'open out r',
      'fsync out',
      'close out',
    ]);
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(join(root, 'out'))).toEqual(['report.html']);
  });

  it('replaces an existing file the same way', async () => {
    const root = tempDir();
    const path = join(root, 'out', 'report.html');
    await write(path, 'old', journal(root));
    const log = journal(root);
    await write(path, 'new', log);
    expect(log.calls.indexOf('fsync out/report.html<tmp>')).toBeLessThan(log.calls.indexOf('rename out/report.html<tmp> out/report.html'));
    expect(log.calls.slice(-3)).toEqual(['open out r', 'fsync out', 'close out']);
    expect(readFileSync(path, 'utf8')).toBe('new');
  });

  it('does not open the folder on Windows', async () => {
    const root = tempDir();
    const path = join(root, 'out', 'report.html');
    const log = journal(root);
    await write(path, 'new', log, 'win32');
    expect(log.calls).toEqual([
      'open out/report.html<tmp> wx',
      'write out/report.html<tmp>',
      'fsync out/report.html<tmp>',
      'close out/report.html<tmp>',
      'rename out/report.html<tmp> out/report.html',
    ]);
    expect(readFileSync(path, 'utf8')).toBe('new');
  });

  it.each(['EINVAL', 'EISDIR', 'EPERM'])('carries on when the file system refuses to fsync a folder (%s)', async (code) => {
    const root = tempDir();
    const path = join(root, 'out', 'report.html');
    const log = journal(root);
    log.fail.set('fsync out', code);
    await write(path, 'new', log);
    expect(log.calls.slice(-2)).toEqual(['fsync out', 'close out']);
    expect(readFileSync(path, 'utf8')).toBe('new');
  });

  it('carries on when the folder cannot be opened for reading', async () => {
    const root = tempDir();
    const path = join(root, 'out', 'report.html');
    const log = journal(root);
    log.fail.set('open out r', 'EACCES');
    await write(path, 'new', log);
    expect(log.calls.at(-1)).toBe('open out r');
    expect(readFileSync(path, 'utf8')).toBe('new');
  });

  it('reports any other failure of the folder fsync, and closes the folder', async () => {
    const root = tempDir();
    const path = join(root, 'out', 'report.html');
    const log = journal(root);
    log.fail.set('fsync out', 'EIO');
    await expect(write(path, 'new', log)).rejects.toMatchObject({ code: 'EIO' });
    expect(log.calls.slice(-2)).toEqual(['fsync out', 'close out']);
    expect(readdirSync(join(root, 'out'))).toEqual(['report.html']);
  });

  it('leaves the old file and no temporary file when the file fsync fails', async () => {
    const root = tempDir();
    const path = join(root, 'out', 'report.html');
    await write(path, 'old', journal(root));
    const log = journal(root);
    log.fail.set('fsync out/report.html<tmp>', 'EIO');
    await expect(write(path, 'new', log)).rejects.toMatchObject({ code: 'EIO' });
    expect(log.calls).toEqual([
      'open out/report.html<tmp> wx',
      'write out/report.html<tmp>',
      'fsync out/report.html<tmp>',
      'close out/report.html<tmp>',
      'rm out/report.html<tmp>',
    ]);
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(join(root, 'out'))).toEqual(['report.html']);
  });

  it('removes the temporary file when the rename fails', async () => {
    const root = tempDir();
    const path = join(root, 'out', 'report.html');
    const log = journal(root);
    log.fail.set('rename out/report.html<tmp> out/report.html', 'EXDEV');
    await expect(write(path, 'new', log)).rejects.toMatchObject({ code: 'EXDEV' });
    expect(log.calls.slice(-2)).toEqual(['rename out/report.html<tmp> out/report.html', 'rm out/report.html<tmp>']);
    expect(readdirSync(join(root, 'out'))).toEqual([]);
  });

  it('leaves alone a file that already had the temporary name', async () => {
    const root = tempDir();
    const path = join(root, 'out', 'report.html');
    await write(path, 'old', journal(root));
    const log = journal(root);
    log.fail.set('open out/report.html<tmp> wx', 'EEXIST');
    await expect(write(path, 'new', log)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(log.calls).toEqual(['open out/report.html<tmp> wx']);
  });
});

describe('writeFileAtomic with the real file system', () => {
  it('writes strings and bytes, sync and async', async () => {
    const root = tempDir();
    writeFileAtomic(join(root, 'a.txt'), 'text', { within: root });
    writeFileAtomic(join(root, 'b.bin'), new Uint8Array([0, 1, 2]), { within: root });
    await writeFileAtomicAsync(join(root, 'sub', 'c.txt'), 'more', { within: root });
    await writeFileAtomicAsync(join(root, 'sub', 'd.bin'), new Uint8Array([3, 4]), { within: root });
    writeFileSync(join(root, 'e.txt'), 'old');
    await writeFileAtomicAsync(join(root, 'e.txt'), 'new');
    expect(readFileSync(join(root, 'a.txt'), 'utf8')).toBe('text');
    expect([...readFileSync(join(root, 'b.bin'))]).toEqual([0, 1, 2]);
    expect(readFileSync(join(root, 'sub', 'c.txt'), 'utf8')).toBe('more');
    expect([...readFileSync(join(root, 'sub', 'd.bin'))]).toEqual([3, 4]);
    expect(readFileSync(join(root, 'e.txt'), 'utf8')).toBe('new');
    expect(readdirSync(root).sort()).toEqual(['a.txt', 'b.bin', 'e.txt', 'sub']);
    expect(readdirSync(join(root, 'sub')).sort()).toEqual(['c.txt', 'd.bin']);
  });
});
