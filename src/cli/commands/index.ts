import type { Command } from '../command.js';
import { renderCommand } from './render.js';
import { validateCommand } from './validate.js';

/** Every command of the CLI, in the order `--help` lists them. */
export const commands: Command[] = [renderCommand, validateCommand];
