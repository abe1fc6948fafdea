import { defineCommand } from '../command.js';
import { renderBuilder } from './render-args.js';

/** `warta render`: logs to documents; exit 1 when a log or a document failed, the others still written. */
export const renderCommand = defineCommand({
  command: 'render [paths..]',
  describe: 'render logs to HTML and PDF documents (and the notice as text and e-mail)',
  builder: renderBuilder,
  // The work, and the modules it needs, load only when the command runs: --help stays fast.
  run: async (args, io) => (await import('./render-run.js')).render(args, io),
});
