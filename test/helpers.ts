import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadLocales } from '../src/locale/load-locales.js';
import { readLog } from '../src/log/read-log.js';
import { builtinTemplatesDir } from '../src/package-info.js';
import { main, type CliIO } from '../src/cli/main.js';

/** The built-in locales. */
export const locales = loadLocales([builtinTemplatesDir]);

/** Reads a log from text, as if it were the file `name`. */
export function loadText(text: string, name = 'test-log.md') {
  return readLog(join('/virtual', name), { locales, text });
}

/** A fresh temporary folder. */
export function tempDir(prefix = 'warta-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes files into a fresh temporary folder and returns it. */
export function tempFiles(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** Runs the CLI in-process and captures what it prints. */
export async function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  let stdout = '';
  let stderr = '';
  const io: CliIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, env };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** A minimal valid log, with front matter keys replaced or added by `extra` (raw YAML lines). */
export function logText(frontMatter: string, body = '## Summary\n\nAll fine.\n'): string {
  return `---\n${frontMatter.trim()}\n---\n\n${body}`;
}
