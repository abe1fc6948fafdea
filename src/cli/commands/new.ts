import { defineCommand } from '../command.js';
import { newBuilder } from './new-args.js';

/** `warta new`: writes a new, valid log to fill in, named `YYYY-MM-DD-<slug>.md`; never overwrites a file. */
export const newCommand = defineCommand({
  command: 'new [slug]',
  describe: 'start a new log: front matter and every section heading, ready to fill in',
  builder: newBuilder,
  // The work, and the modules it needs, load only when the command runs: --help stays fast.
  run: async (args, io) => (await import('./new-run.js')).createLog(args, io),
});
