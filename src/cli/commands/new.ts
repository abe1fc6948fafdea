import type { Command } from '../command.js';

/** `warta new`: writes a new, valid log to fill in, named `YYYY-MM-DD-<slug>.md`; never overwrites a file. */
export const newCommand: Command = {
  command: 'new [slug]',
  describe: 'start a new log: front matter and every section heading, ready to fill in',
  builder: (y) =>
    y
      .positional('slug', { describe: 'short name for the file, e.g. db-failover (default: made from --title)', type: 'string' })
      .option('title', { alias: 't', describe: 'title of the incident, change or maintenance', type: 'string' })
      .option('type', {
        describe: 'incident, change or maintenance',
        type: 'string',
        choices: ['incident', 'change', 'maintenance'],
        default: 'incident',
      })
      .option('lang', { alias: 'l', describe: 'languages, primary first (comma-separated)', type: 'string', array: true, default: ['en'] })
      .option('timezone', { describe: 'IANA timezone of the log (and of "today" in the file name)', type: 'string', default: 'UTC' })
      .option('date', { describe: 'the day in the file name, YYYY-MM-DD (default: today in --timezone)', type: 'string' })
      .option('dir', { describe: 'folder to write the log to', type: 'string', default: 'incidents' })
      .example('$0 new db-failover', 'incidents/2025-11-26-db-failover.md, an English incident')
      .example('$0 new --type change --lang id,en --timezone Asia/Jakarta --title "Upgrade vCenter 6"', 'a bilingual change'),
  // The work, and the modules it needs, load only when the command runs: --help stays fast.
  run: async (args, io) => (await import('./new-run.js')).createLog(args, io),
};
