import { frontMatterJsonSchema } from '../../log/front-matter-json-schema.js';
import type { SchemaArgs } from './schema-args.js';
import { exitCodes, type CliIO } from '../io.js';

/** What `warta schema` does. */
export const schemaRun = (_args: SchemaArgs, io: CliIO) => {
  io.stdout(`${JSON.stringify(frontMatterJsonSchema(), null, 2)}\n`);
  return exitCodes.ok;
};
