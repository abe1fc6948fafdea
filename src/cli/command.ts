import type { Argv } from 'yargs';
import type { CliIO } from './io.js';

/** One CLI command: its yargs definition and what it does. Commands print only through `io` and return the exit code. */
export interface Command {
  /** yargs command string, e.g. `render [paths..]`. */
  command: string;
  describe: string;
  builder: (yargs: Argv) => Argv;
  run: (args: Record<string, unknown>, io: CliIO) => Promise<number> | number;
}
