import type { Command } from '../command.js';

/** `warta templates eject [dir]`: copies the built-in templates out to start your own from, never overwriting a file. */
export const templatesCommand: Command = {
  command: 'templates <action> [dir]',
  describe: 'templates eject [dir]: copy the built-in templates, styles and locales to a folder to make them yours',
  builder: (y) =>
    y
      .positional('action', { describe: 'what to do', choices: ['eject', 'list'] as const, type: 'string' })
      .positional('dir', { describe: 'folder to copy to', type: 'string', default: 'warta-templates' })
      .example('$0 templates eject brand', 'copy the templates to brand/, then: warta render --templates brand'),
  // The work, and the modules it needs, load only when the command runs: --help stays fast.
  run: async (args, io) => (await import('./templates-run.js')).templatesRun(args, io),
};
