import { relative } from 'node:path';
import { startPreview } from '../../archive/preview-server.js';
import { CliError } from '../cli-error.js';
import type { Command } from '../command.js';
import { formatFinding } from '../format-finding.js';
import { exitCodes, type CliIO } from '../io.js';

/** `warta preview`: builds HTML and the archive, serves them on localhost and rebuilds and reloads on every change, until stopped. */
export const previewCommand: Command = {
  command: 'preview [paths..]',
  describe: 'serve the documents and the archive on localhost, rebuilding and reloading as logs and templates change',
  builder: (y) =>
    y
      .positional('paths', { describe: 'log files or folders of logs', type: 'string', array: true, default: ['incidents'] })
      .option('out', { alias: 'o', describe: 'output folder to build and serve', type: 'string', default: 'output' })
      .option('host', { describe: 'address to listen on (0.0.0.0 shares it with your network)', type: 'string', default: '127.0.0.1' })
      .option('port', { alias: 'p', describe: 'port to listen on; 0 picks a free one', type: 'number', default: 4173 })
      .example('$0 preview', 'serve incidents/ at http://127.0.0.1:4173/')
      .example('$0 preview incidents/2015-12-11-vcenter.md --port 0', 'one log, on any free port'),
  run: preview,
};

async function preview(args: Record<string, unknown>, io: CliIO): Promise<number> {
  const port = Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new CliError('usage', `--port: "${String(args.port)}" is not a port; expected 0 to 65535`);
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  io.signal?.addEventListener('abort', onSignal, { once: true });
  if (io.signal?.aborted) stop.abort();
  process.once('SIGINT', onSignal);
  try {
    let server;
    try {
      server = await startPreview({
        paths: args.paths as string[],
        cwd: io.cwd,
        outDir: String(args.out),
        host: String(args.host),
        port,
        log: (line) => io.stdout(`${line}\n`),
        onFindings: (findings) => {
          for (const finding of findings) io.stderr(`${formatFinding(finding, io.cwd)}\n`);
        },
      });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL')
        throw new CliError(
          'usage',
          `cannot listen on ${String(args.host)}:${port} (${code}); choose another with --port, or --port 0 for any free one`,
        );
      throw error;
    }
    io.stdout(`serving ${relative(io.cwd, String(args.out)) || '.'} at ${server.url} (Ctrl-C to stop)\n`);
    if (!stop.signal.aborted) await new Promise<void>((resolve) => stop.signal.addEventListener('abort', () => resolve(), { once: true }));
    await server.close();
    io.stdout('preview stopped\n');
    return exitCodes.ok;
  } finally {
    process.off('SIGINT', onSignal);
    io.signal?.removeEventListener('abort', onSignal);
  }
}
