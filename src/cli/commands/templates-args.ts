import type { Argv } from 'yargs';
import type { ArgsOf, GlobalArgs } from '../command.js';

/** The arguments of `warta templates`. */
export const templatesBuilder = (y: Argv<GlobalArgs>) =>
  y
    .positional('action', { describe: 'what to do', choices: ['eject', 'list'] as const, type: 'string' })
    .positional('dir', { describe: 'folder to copy to', type: 'string', default: 'warta-templates' })
    .example('$0 templates eject brand', 'copy the templates to brand/, then: warta render --templates brand');

/** What `warta templates` runs with, typed from {@link templatesBuilder}. */
export type TemplatesArgs = ArgsOf<typeof templatesBuilder>;
