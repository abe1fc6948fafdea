import { version } from '../package-info.js';
import yargs, { type Argv } from 'yargs';
import { WartaError } from '../errors.js';
import { exitCodeOf } from './exit-code-of.js';
import type { GlobalArgs } from './command.js';
import { commands } from './commands/index.js';
import { exitCodes, type CliIO } from './io.js';

export { exitCodes, type CliIO } from './io.js';

const epilogue = `Exit codes: 0 all fine, 1 findings or a log/document failed, 2 warta itself failed (bad flags, no browser).
The incident log format: docs/incident-format.md`;

/**
 * Runs the warta CLI with the given arguments and returns the exit code. Prints only through `io`
 * and never exits the process, so it can run in-process in tests.
 */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  let selected: (() => Promise<number> | number) | undefined;
  let parser: Argv<GlobalArgs> = yargs([...argv])
    .scriptName('warta')
    .usage(
      '$0 <command> [options]\n\nTurn incident logs into a management report, a user notice and a lessons-learned post-mortem, as HTML and PDF.',
    )
    .option('config', {
      alias: 'c',
      describe: 'settings file (default: warta.config.yaml here or in a folder above)',
      type: 'string',
      global: true,
    });
  for (const command of commands) parser = command.register(parser, io, (run) => (selected = run));
  parser = parser
    .demandCommand(1, `Name a command: ${commands.map((c) => c.name).join(', ')}.`)
    .strict()
    .recommendCommands()
    .version(version)
    .alias('h', 'help')
    .alias('v', 'version')
    .completion('completion', 'print a shell completion script (bash, zsh): warta completion >> ~/.bashrc')
    .epilogue(epilogue)
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false);

  let output = '';
  let parseError: Error | undefined;
  try {
    await parser.parseAsync([...argv], {}, (error: Error | undefined, _argv: unknown, text: string) => {
      if (error) parseError = error;
      output = text;
    });
  } catch (error) {
    parseError = error as Error;
  }
  if (parseError) {
    const shown = output.trim().endsWith(parseError.message)
      ? output.trim()
      : `${output ? `${output}\n\n` : ''}warta: ${parseError.message}`;
    io.stderr(`${shown}\n`);
    return exitCodes.toolFailed;
  }
  if (output) {
    io.stdout(`${output}\n`);
    return exitCodes.ok;
  }

  try {
    if (!selected) throw new WartaError('usage', `unknown command "${argv[0] ?? ''}"`);
    return await selected();
  } catch (error) {
    if (error instanceof WartaError) {
      io.stderr(`warta: ${error.message}\n`);
      return exitCodeOf(error);
    }
    io.stderr(`warta: internal error: ${(error as Error).stack ?? String(error)}\nPlease report this with the log that caused it.\n`);
    return exitCodes.toolFailed;
  }
}
