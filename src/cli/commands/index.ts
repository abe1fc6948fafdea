import type { Command } from '../command.js';
import { newCommand } from './new.js';
import { previewCommand } from './preview.js';
import { renderCommand } from './render.js';
import { schemaCommand } from './schema.js';
import { templatesCommand } from './templates.js';
import { validateCommand } from './validate.js';

/** Every command of the CLI, in the order `--help` lists them. */
export const commands: Command[] = [renderCommand, validateCommand, templatesCommand, schemaCommand, newCommand, previewCommand];
