import { defineCommand } from '../command.js';
import { templatesBuilder } from './templates-args.js';

/** `warta templates eject [dir]`: copies the built-in templates out to start your own from, never overwriting a file. */
export const templatesCommand = defineCommand({
  command: 'templates <action> [dir]',
  describe: 'templates eject [dir]: copy the built-in templates, styles and locales to a folder to make them yours',
  builder: templatesBuilder,
  // The work, and the modules it needs, load only when the command runs: --help stays fast.
  run: async (args, io) => (await import('./templates-run.js')).templatesRun(args, io),
});
