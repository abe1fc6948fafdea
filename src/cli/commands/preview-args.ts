import type { Argv } from 'yargs';
import type { ArgsOf, GlobalArgs } from '../command.js';

/** The arguments of `warta preview`. */
export const previewBuilder = (y: Argv<GlobalArgs>) =>
  y
    .positional('paths', { describe: 'log files or folders of logs', type: 'string', array: true, default: ['incidents'] })
    .option('out', { alias: 'o', describe: "output folder to build and serve (default: output/, or the config's)", type: 'string' })
    .option('templates', { alias: 't', describe: 'your templates folder (also watched)', type: 'string' })
    .option('host', { describe: 'address to listen on (0.0.0.0 shares it with your network)', type: 'string', default: '127.0.0.1' })
    .option('port', { alias: 'p', describe: 'port to listen on; 0 picks a free one', type: 'number', default: 4173 })
    .example('$0 preview', 'serve incidents/ at http://127.0.0.1:4173/')
    .example('$0 preview incidents/2015-12-11-vcenter.md --port 0', 'one log, on any free port');

/** What `warta preview` runs with, typed from {@link previewBuilder}. */
export type PreviewArgs = ArgsOf<typeof previewBuilder>;
