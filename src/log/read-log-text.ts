import { readFileSync, statSync } from 'node:fs';

/** Largest log warta reads, in bytes; a real log is a few kilobytes. */
export const maxLogBytes = 10 * 1024 * 1024;

/** The text of a log file, or why it cannot be read. */
export type LogText = { text: string } | { problem: string; rule: string; line: number };

/**
 * Reads a log as UTF-8 text with `\n` line ends and no byte order mark.
 * Refuses files over {@link maxLogBytes} and bytes that are not UTF-8, naming the line.
 */
export function readLogText(file: string): LogText {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    return {
      problem: `cannot read the file: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      rule: 'file/read',
      line: 1,
    };
  }
  if (size > maxLogBytes) {
    return {
      problem: `file is ${(size / 1048576).toFixed(1)} MB; expected a log of at most ${maxLogBytes / 1048576} MB`,
      rule: 'file/size',
      line: 1,
    };
  }
  const bytes = readFileSync(file);
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
