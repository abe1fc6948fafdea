/**
 * Fuzzes the CLI in-process on temporary files (fewer runs than loadLog: each run goes through yargs
 * and the file system). Whatever the log, `validate` exits 1 or 0, never 2, prints no stack trace,
 * and prints exactly one well-formed line per finding; `render` writes only under --out and only
 * for a log without errors.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readLog } from '../../src/log/read-log.js';
import { locales, runCli, tempDir } from '../helpers.js';
import {
  aliasFrontMatter,
  applyVariant,
  body,
  byteEdit,
  editBytes,
  frontMatterData,
  fuzzParams,
  logFromData,
  mutate,
  mutation,
  seedLogs,
  textVariant,
  validishFrontMatter,
  atLeastScaled,
} from './arbitraries.js';

const dir = tempDir('warta-fuzz-cli-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const seeds = seedLogs();

/** A log file's bytes: generated, mutated as text, mutated as bytes, or full of aliases. */
const logBytes: fc.Arbitrary<Buffer> = fc.oneof(
  fc
    .tuple(fc.oneof(frontMatterData, validishFrontMatter), body, textVariant)
    .map(([data, text, variant]) => Buffer.from(applyVariant(logFromData(data, text), variant))),
  fc
    .tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 4 }), textVariant)
    .map(([seed, edits, variant]) => Buffer.from(applyVariant(mutate(seed, edits), variant))),
  fc
    .tuple(fc.constantFrom(...seeds), fc.array(byteEdit, { minLength: 1, maxLength: 4 }))
    .map(([seed, edits]) => editBytes(Buffer.from(seed), edits)),
  aliasFrontMatter.map((text) => Buffer.from(text)),
);

/** Entries of a folder but warta's own hidden bookkeeping files (a render cache, say). */
const visible = (folder: string) => readdirSync(folder).filter((name) => !name.startsWith('.'));

const findingLine = /^log\.md:\d+:\d+ (?:error|warning) [a-z][a-z0-9-]*\/[a-z][a-z0-9-]* \S.*$/;
const stackTrace = /\n\s+at .*:\d+:\d+\)?/;

describe('fuzz: warta validate and render (in-process)', () => {
  it('validate exits 0 or 1 (never 2) with one line per finding and no stack trace', async () => {
    await fc.assert(
      fc.asyncProperty(logBytes, fc.boolean(), fc.boolean(), async (bytes, json, strict) => {
        const file = join(dir, 'log.md');
        writeFileSync(file, bytes);
        const direct = readLog(file, { locales });
        const args = ['validate', 'log.md', ...(json ? ['--json'] : []), ...(strict ? ['--strict'] : [])];
        const result = await runCli(args, dir);
        const output = `${result.stdout}${result.stderr}`;
        expect(output).not.toMatch(stackTrace);
        expect(output).not.toMatch(/internal error/);
        const errors = direct.findings.filter((f) => strict || f.severity === 'error').length;
        expect(result.code, output).toBe(errors > 0 ? 1 : 0);
        if (direct.log === undefined) expect(result.code).toBe(1);
        if (json) {
          const parsed = JSON.parse(result.stdout) as { findings: unknown[] };
          expect(parsed.findings).toHaveLength(direct.findings.length);
        } else {
          const lines = result.stdout.split('\n').filter((line) => line !== '');
          expect(lines).toHaveLength(direct.findings.length);
          for (const line of lines) expect(line).toMatch(findingLine);
        }
      }),
      fuzzParams(150),
    );
  });

  it('render writes documents only for a log without errors, and only under --out', async () => {
    let rendered = 0;
    await fc.assert(
      fc.asyncProperty(validishFrontMatter, body, textVariant, async (data, text, variant) => {
        const work = join(dir, `render-${rendered % 4}`);
        rmSync(work, { recursive: true, force: true });
        mkdirSync(work);
        writeFileSync(join(work, 'log.md'), applyVariant(logFromData(data, text), variant));
        const direct = readLog(join(work, 'log.md'), { locales });
        const result = await runCli(['render', 'log.md', '-f', 'html,txt,eml', '-o', 'out', '-q'], work);
        const output = `${result.stdout}${result.stderr}`;
        expect(output).not.toMatch(stackTrace);
        expect(output).not.toMatch(/internal error/);
        if (direct.log) {
          rendered++;
          expect(result.code, output).toBe(0);
          expect(visible(join(work, 'out'))).toEqual([direct.log.id]);
          expect(readdirSync(join(work, 'out', direct.log.id))).toContain('notice.eml');
        } else {
          expect(result.code, output).toBe(1);
          expect(existsSync(join(work, 'out')) ? visible(join(work, 'out')) : []).toEqual([]);
        }
        // Nothing written beside the log or the output folder.
        expect(readdirSync(work).filter((name) => name !== 'log.md' && name !== 'out')).toEqual([]);
      }),
      fuzzParams(25),
    );
    expect(rendered).toBeGreaterThan(atLeastScaled(5));
  });
});
