import { relative, resolve } from 'node:path';
import { startPreview } from '../../preview/preview-server.js';
import { WartaError } from '../../errors.js';
import { formatFinding } from '../format-finding.js';
import { loadSettings } from '../load-settings.js';
import type { PreviewArgs } from './preview-args.js';
import { exitCodes, type CliIO } from '../io.js';

export async function preview(args: PreviewArgs, io: CliIO): Promise<number> {
  const port = args.port;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new WartaError('usage', `--port: "${String(args.port)}" is not a port; expected 0 to 65535`);
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  io.signal?.addEventListener('abort', onSignal, { once: true });
  if (io.signal?.aborted) stop.abort();
  const { config, findings } = loadSettings(args, io.cwd);
  for (const finding of findings) io.stderr(`${formatFinding(finding, io.cwd)}\n`);
  if (findings.some((f) => f.severity === 'error')) return exitCodes.findings;
  const outDir = args.out === undefined ? config.output : resolve(io.cwd, args.out);
  try {
    let server;
    try {
      server = await startPreview({
        config,
        paths: args.paths,
        cwd: io.cwd,
        outDir,
        host: args.host,
        port,
        log: (line) => io.stdout(`${line}\n`),
        onFindings: (findings) => {
          for (const finding of findings) io.stderr(`${formatFinding(finding, io.cwd)}\n`);
        },
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL')
        throw new WartaError(
          'usage',
          `cannot listen on ${args.host}:${port} (${code}); choose another with --port, or --port 0 for any free one`,
        );
      throw error;
    }
    io.stdout(`serving ${relative(io.cwd, outDir) || '.'} at ${server.url} (Ctrl-C to stop)\n`);
    if (!stop.signal.aborted) await new Promise<void>((resolve) => stop.signal.addEventListener('abort', () => resolve(), { once: true }));
    await server.close();
    io.stdout('preview stopped\n');
    return exitCodes.ok;
  } finally {
    io.signal?.removeEventListener('abort', onSignal);
  }
}
