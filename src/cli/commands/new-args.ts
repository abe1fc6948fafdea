import type { Argv } from 'yargs';
import { logTypes } from '../../log/front-matter-schema.js';
import type { ArgsOf, GlobalArgs } from '../command.js';

/** The arguments of `warta new`. */
export const newBuilder = (y: Argv<GlobalArgs>) =>
  y
    .positional('slug', { describe: 'short name for the file, e.g. db-failover (default: made from --title)', type: 'string' })
    .option('title', { alias: 't', describe: 'title of the incident, change or maintenance', type: 'string' })
    .option('type', {
      describe: 'incident, change or maintenance',
      choices: logTypes,
      default: logTypes[0],
    })
    .option('lang', { alias: 'l', describe: 'languages, primary first (comma-separated)', type: 'string', default: 'en' })
    .option('timezone', { describe: 'IANA timezone of the log (and of "today" in the file name)', type: 'string', default: 'UTC' })
    .option('date', { describe: 'the day in the file name, YYYY-MM-DD (default: today in --timezone)', type: 'string' })
    .option('dir', { describe: 'folder to write the log to', type: 'string', default: 'incidents' })
    .example('$0 new db-failover', 'incidents/2025-11-26-db-failover.md, an English incident')
    .example('$0 new --type change --lang id,en --timezone Asia/Jakarta --title "Upgrade vCenter 6"', 'a bilingual change');

/** What `warta new` runs with, typed from {@link newBuilder}. */
export type NewArgs = ArgsOf<typeof newBuilder>;
