import type { ArgumentsCamelCase, Argv } from 'yargs';
import type { CliIO } from './io.js';

/** Options every command takes (defined once in main). */
export interface GlobalArgs {
  config: string | undefined;
}

/** `T` without its index signature (yargs adds `[name: string]: unknown`), so an undeclared flag is a compile error. */
type DeclaredOnly<T> = { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };

/** The arguments a command's run gets, typed from its yargs builder: renaming a flag breaks the compile. */
export type ArgsOf<Builder extends (yargs: Argv<GlobalArgs>) => Argv<unknown>> =
  ReturnType<Builder> extends Argv<infer Args> ? DeclaredOnly<ArgumentsCamelCase<Args>> : never;

/** One CLI command, its argument types sealed inside: main only registers it and runs what it selects. */
export interface Command {
  /** The command's name, the first word of its yargs command string. */
  name: string;
  /** yargs command string, e.g. `render [paths..]`. */
  command: string;
  /**
   * Adds the command to the parser. When yargs picks it, `select` gets the command's run, bound
   * to its typed arguments, for main to call after parsing.
   */
  register: (parser: Argv<GlobalArgs>, io: CliIO, select: (run: () => Promise<number> | number) => void) => Argv<GlobalArgs>;
}

/** Makes a {@link Command} from its yargs definition and its run; `run` gets the builder's arguments, typed. */
export function defineCommand<Args>(spec: {
  command: string;
  describe: string;
  builder: (yargs: Argv<GlobalArgs>) => Argv<Args>;
  run: (args: ArgumentsCamelCase<Args>, io: CliIO) => Promise<number> | number;
}): Command {
  return {
    name: spec.command.split(' ')[0] as string,
    command: spec.command,
    register: (parser, io, select) =>
      parser.command(spec.command, spec.describe, spec.builder, (args) => {
        select(() => spec.run(args, io));
      }),
  };
}
