import { frontMatterJsonSchema } from '../../log/front-matter-json-schema.js';
import type { Command } from '../command.js';
import { exitCodes } from '../io.js';

/** `warta schema`: prints the JSON Schema of a log's front matter, for editors. */
export const schemaCommand: Command = {
  command: 'schema',
  describe: "print the JSON Schema of a log's front matter (for editor completion and checks)",
  builder: (y) => y.example('$0 schema > warta.schema.json', 'save it for your editor'),
  run: (_args, io) => {
    io.stdout(`${JSON.stringify(frontMatterJsonSchema(), null, 2)}\n`);
    return exitCodes.ok;
  },
};
