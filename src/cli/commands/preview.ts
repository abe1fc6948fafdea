import type { Command } from '../command.js';

/** `warta preview`: builds HTML and the archive, serves them on localhost and rebuilds and reloads on every change, until stopped. */
export const previewCommand: Command = {
  command: 'preview [paths..]',
  describe: 'serve the documents and the archive on localhost, rebuilding and reloading as logs and templates change',
  builder: (y) =>
    y
      .positional('paths', { describe: 'log files or folders of logs', type: 'string', array: true, default: ['incidents'] })
      .option('out', { alias: 'o', describe: "output folder to build and serve (default: output/, or the config's)", type: 'string' })
      .option('templates', { alias: 't', describe: 'your templates folder (also watched)', type: 'string' })
      .option('host', { describe: 'address to listen on (0.0.0.0 shares it with your network)', type: 'string', default: '127.0.0.1' })
      .option('port', { alias: 'p', describe: 'port to listen on; 0 picks a free one', type: 'number', default: 4173 })
      .example('$0 preview', 'serve incidents/ at http://127.0.0.1:4173/')
      .example('$0 preview incidents/2015-12-11-vcenter.md --port 0', 'one log, on any free port'),
  // The work, and the modules it needs, load only when the command runs: --help stays fast.
  run: async (args, io) => (await import('./preview-run.js')).preview(args, io),
};
