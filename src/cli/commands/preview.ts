import { defineCommand } from '../command.js';
import { previewBuilder } from './preview-args.js';

/** `warta preview`: builds HTML and the archive, serves them on localhost and rebuilds and reloads on every change, until stopped. */
export const previewCommand = defineCommand({
  command: 'preview [paths..]',
  describe: 'serve the documents and the archive on localhost, rebuilding and reloading as logs and templates change',
  builder: previewBuilder,
  // The work, and the modules it needs, load only when the command runs: --help stays fast.
  run: async (args, io) => (await import('./preview-run.js')).preview(args, io),
});
