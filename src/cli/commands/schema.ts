import { defineCommand } from '../command.js';
import { schemaBuilder } from './schema-args.js';

/** `warta schema`: prints the JSON Schema of a log's front matter, for editors. */
export const schemaCommand = defineCommand({
  command: 'schema',
  describe: "print the JSON Schema of a log's front matter (for editor completion and checks)",
  builder: schemaBuilder,
  // The work, and the modules it needs, load only when the command runs: --help stays fast.
  run: async (args, io) => (await import('./schema-run.js')).schemaRun(args, io),
});
