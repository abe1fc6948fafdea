import type { Argv } from 'yargs';
import type { ArgsOf, GlobalArgs } from '../command.js';

/** The arguments of `warta schema`. */
export const schemaBuilder = (y: Argv<GlobalArgs>) => y.example('$0 schema > warta.schema.json', 'save it for your editor');

/** What `warta schema` runs with, typed from {@link schemaBuilder}. */
export type SchemaArgs = ArgsOf<typeof schemaBuilder>;
