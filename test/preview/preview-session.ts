import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { main, type CliIO } from '../../src/cli/main.js';
import { root } from '../archive/sample-archive.js';
import { tempDir } from '../helpers.js';

/** A `warta preview` of the samples, running in-process on a free port, for the preview tests. */
export interface PreviewSession {
  /** The folder it runs in; the samples are copied to `incidents/` in it. */
  cwd: string;
  /** The address it serves, ending in `/`. */
  base: string;
  /** What it printed so far. */
  output: { stdout: string; stderr: string };
  /** Waits for `probe` to give a value (polling every 100 ms), naming `what` and the output when it times out. */
  until: <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs?: number) => Promise<T>;
  /** Stops the preview (as Ctrl-C does) and gives its exit code. */
  stop: () => Promise<number>;
}

/** Starts `warta preview incidents --out site --port 0` on a copy of the samples. */
export async function startPreviewSession(): Promise<PreviewSession> {
  const cwd = tempDir('warta-preview-');
  cpSync(join(root, 'incidents'), join(cwd, 'incidents'), { recursive: true });
  const output = { stdout: '', stderr: '' };
  const abort = new AbortController();
  const io: CliIO = { stdout: (t) => (output.stdout += t), stderr: (t) => (output.stderr += t), cwd, signal: abort.signal };
  const running = main(['preview', 'incidents', '--out', 'site', '--port', '0'], io);
  const until = async <T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; stdout: ${output.stdout}; stderr: ${output.stderr}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const base = await until('the server', async () => /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output.stdout)?.[1]);
  return {
    cwd,
    base,
    output,
    until,
    stop: async () => {
      abort.abort();
      return running;
    },
  };
}
