import { defineCommand } from '../command.js';
import { validateBuilder } from './validate-args.js';

/** `warta validate`: checks logs and prints findings; exit 1 when any is an error (every one with --strict). */
export const validateCommand = defineCommand({
  command: 'validate [paths..]',
  describe: 'check logs and print findings as file:line:column severity rule message',
  builder: validateBuilder,
  // The work, and the modules it needs, load only when the command runs: --help stays fast.
  run: async (args, io) => (await import('./validate-run.js')).validate(args, io),
});
