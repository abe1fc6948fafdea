import type { Argv } from 'yargs';
import type { ArgsOf, GlobalArgs } from '../command.js';

/** The arguments of `warta render`. */
export const renderBuilder = (y: Argv<GlobalArgs>) =>
  y
    .positional('paths', { describe: 'log files or folders of logs', type: 'string', array: true, default: ['incidents'] })
    .option('out', { alias: 'o', describe: "output folder (default: output/, or the config's output)", type: 'string' })
    .option('templates', {
      alias: 't',
      describe: 'your templates folder: overrides built-in templates, partials, styles and labels by name',
      type: 'string',
    })
    .option('format', {
      alias: 'f',
      describe: 'output formats (comma-separated): html, pdf, txt (plain-text notice for chat), eml (notice as an e-mail)',
      type: 'string',
    })
    .option('doc', {
      alias: 'd',
      describe: 'documents: report, notice, lessons, or your own (comma-separated; default all)',
      type: 'string',
    })
    .option('lang', {
      alias: 'l',
      describe: 'languages to render (comma-separated); default: every language of each log',
      type: 'string',
    })
    .option('quiet', { alias: 'q', describe: 'print only problems and the summary', type: 'boolean', default: false })
    .option('archive', {
      describe:
        'also build the archive site (index.html, actions, lessons, incidents.json, actions.csv, notices.atom); default: when a folder is rendered',
      type: 'boolean',
    })
    .option('base-url', { describe: 'address the output folder is published at, for absolute links in the Atom feed', type: 'string' })
    .option('force', {
      describe: 'render every document, even those whose inputs did not change since the last run',
      type: 'boolean',
      default: false,
    })
    .option('jobs', { alias: 'j', describe: 'PDF pages printed at once (default: cores, at most 4)', type: 'number' })
    .example('$0 render', 'render every log under incidents/ to output/')
    .example('$0 render incidents/2015-12-11-vcenter.md -f pdf -d notice', 'only the notice of one log, as PDF');

/** What `warta render` runs with, typed from {@link renderBuilder}. */
export type RenderArgs = ArgsOf<typeof renderBuilder>;
