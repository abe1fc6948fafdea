import type { Argv } from 'yargs';
import type { ArgsOf, GlobalArgs } from '../command.js';

/** The arguments of `warta validate`. */
export const validateBuilder = (y: Argv<GlobalArgs>) =>
  y
    .positional('paths', { describe: 'log files or folders of logs', type: 'string', array: true, default: ['incidents'] })
    .option('strict', { describe: 'treat warnings (missing translations included) as errors', type: 'boolean', default: false })
    .option('json', { describe: 'print the findings as JSON', type: 'boolean', default: false })
    .option('templates', {
      alias: 't',
      describe: 'your templates folder (its locales add languages and section headings)',
      type: 'string',
    })
    .example('$0 validate incidents', 'check every log before a pull request is merged');

/** What `warta validate` runs with, typed from {@link validateBuilder}. */
export type ValidateArgs = ArgsOf<typeof validateBuilder>;
