import type { Command } from '../command.js';

/** `warta schema`: prints the JSON Schema of a log's front matter, for editors. */
export const schemaCommand: Command = {
  command: 'schema',
  describe: "print the JSON Schema of a log's front matter (for editor completion and checks)",
  builder: (y) => y.example('$0 schema > warta.schema.json', 'save it for your editor'),
  // The work, and the modules it needs, load only when the command runs: --help stays fast.
  run: async (args, io) => (await import('./schema-run.js')).schemaRun(args, io),
};
