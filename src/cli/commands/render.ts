import type { Command } from '../command.js';

/** `warta render`: logs to documents; exit 1 when a log or a document failed, the others still written. */
export const renderCommand: Command = {
  command: 'render [paths..]',
  describe: 'render logs to HTML and PDF documents (and the notice as text and e-mail)',
  builder: (y) =>
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
        array: true,
      })
      .option('doc', {
        alias: 'd',
        describe: 'documents: report, notice, lessons, or your own (comma-separated; default all)',
        type: 'string',
        array: true,
      })
      .option('lang', {
        alias: 'l',
        describe: 'languages to render (comma-separated); default: every language of each log',
        type: 'string',
        array: true,
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
      .example('$0 render incidents/2015-12-11-vcenter.md -f pdf -d notice', 'only the notice of one log, as PDF'),
  // The work, and the modules it needs, load only when the command runs: --help stays fast.
  run: async (args, io) => (await import('./render-run.js')).render(args, io),
};
