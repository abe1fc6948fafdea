import type { Command } from '../command.js';

/** `warta validate`: checks logs and prints findings; exit 1 when any is an error (every one with --strict). */
export const validateCommand: Command = {
  command: 'validate [paths..]',
  describe: 'check logs and print findings as file:line:column severity rule message',
  builder: (y) =>
    y
      .positional('paths', { describe: 'log files or folders of logs', type: 'string', array: true, default: ['incidents'] })
      .option('strict', { describe: 'treat warnings (missing translations included) as errors', type: 'boolean', default: false })
      .option('json', { describe: 'print the findings as JSON', type: 'boolean', default: false })
      .option('templates', {
        alias: 't',
        describe: 'your templates folder (its locales add languages and section headings)',
        type: 'string',
      })
      .example('$0 validate incidents', 'check every log before a pull request is merged'),
  // The work, and the modules it needs, load only when the command runs: --help stays fast.
  run: async (args, io) => (await import('./validate-run.js')).validate(args, io),
};
