import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** Largest log warta reads, in bytes; a real log is a few kilobytes. */
export const maxLogBytes = 10 * 1024 * 1024;

/** The text of a log file, or why it cannot be read. */
export type LogText = { text: string } | { problem: string; rule: string; line: number };

const tooLarge = (what: string): LogText => ({
  problem: `file ${what}; expected a log of at most ${maxLogBytes / 1048576} MB`,
  rule: 'file/size',
  line: 1,
});

/**
 * Reads a log as UTF-8 text with `\n` line ends and no byte order mark.
 * Refuses anything but a regular file (a FIFO or a device such as /dev/zero would block or never
 * end), files over {@link maxLogBytes} (counted while reading, so a file that grows after it was
 * looked at is refused too) and bytes that are not UTF-8, naming the line.
 */
export function readLogText(file: string): LogText {
  let fd: number;
  try {
    // Non-blocking, so opening a FIFO does not wait for a writer; regular files read as usual.
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    return {
      problem: `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      rule: 'file/read',
      line: 1,
    };
  }
  let bytes: Buffer;
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { problem: 'not a regular file; expected a Markdown log file', rule: 'file/read', line: 1 };
    if (stat.size > maxLogBytes) return tooLarge(`is ${(stat.size / 1048576).toFixed(1)} MB`);
    // Read to the end, but never past the limit and one byte: a file that grew after fstat is refused too.
    let buffer = Buffer.alloc(Math.min(maxLogBytes + 1, stat.size + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxLogBytes) return tooLarge(`grew to over ${maxLogBytes / 1048576} MB while being read`);
        const bigger = Buffer.alloc(Math.min(maxLogBytes + 1, buffer.length * 2));
        buffer.copy(bigger, 0, 0, length);
        buffer = bigger;
      }
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    bytes = buffer.subarray(0, length);
  } catch (error) {
    return {
      problem: `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      rule: 'file/read',
      line: 1,
    };
  } finally {
    closeSync(fd);
  }
  return decode(bytes);
}

/** UTF-8 bytes as text, or the line of the first byte that is not UTF-8. */
function decode(bytes: Buffer): LogText {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lenient = new TextDecoder('utf-8').decode(bytes);
    const bad = lenient.indexOf('\uFFFD');
    const line = bad < 0 ? 1 : lenient.slice(0, bad).split('\n').length;
    return { problem: 'file is not valid UTF-8; expected UTF-8 text (save the file as UTF-8)', rule: 'file/encoding', line };
  }
  return { text: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') };
}
