import { describe, expect, expectTypeOf, it } from 'vitest';
import type { NewArgs } from '../../src/cli/commands/new-args.js';
import type { RenderArgs } from '../../src/cli/commands/render-args.js';
import { renderBuilder } from '../../src/cli/commands/render-args.js';
import type { ValidateArgs } from '../../src/cli/commands/validate-args.js';
import type { LogType } from '../../src/log/types.js';
import yargs from 'yargs';

// These checks run in `npm run typecheck` (tsc covers test/): a renamed or retyped flag breaks the compile.
describe('command arguments are typed from their yargs builders', () => {
  it('types each flag as its builder declares it', () => {
    expectTypeOf<RenderArgs['paths']>().toEqualTypeOf<string[]>();
    expectTypeOf<RenderArgs['jobs']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<RenderArgs['force']>().toEqualTypeOf<boolean>();
    expectTypeOf<RenderArgs['baseUrl']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<ValidateArgs['strict']>().toEqualTypeOf<boolean>();
    expectTypeOf<NewArgs['type']>().toEqualTypeOf<LogType>();
    expectTypeOf<RenderArgs['config']>().toEqualTypeOf<string | undefined>();
  });

  it('has no catch-all: a flag the builder does not declare is a compile error', () => {
    const read = (args: RenderArgs): unknown =>
      // @ts-expect-error -- `--output` is not a flag of render (it is --out)
      args.output;
    expect(typeof read).toBe('function');
  });

  it('parses what it declares', async () => {
    const args = (await yargs(['render', 'x.md', '--jobs', '3', '--force'])
      .option('config', { type: 'string' })
      .command('render [paths..]', '', renderBuilder)
      .parseAsync()) as unknown as RenderArgs;
    expect(args.paths).toEqual(['x.md']);
    expect(args.jobs).toBe(3);
    expect(args.force).toBe(true);
  });
});
