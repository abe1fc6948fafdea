/**
 * Fuzzes loadLog with thousands of generated and mutated logs: wrong types for every key, odd
 * Unicode, hostile keys at every level, anchors and aliases in bulk, mutated text and bytes that
 * are not UTF-8, CRLF / CR / BOM / tabs, huge values. loadLog must never throw, must answer quickly,
 * and must explain every refusal with a placed finding (see expectSoundResult).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readLog } from '../../src/log/read-log.js';
import { locales } from '../helpers.js';
import {
  aliasFrontMatter,
  applyVariant,
  body,
  byteEdit,
  editBytes,
  expectSoundResult,
  frontMatterData,
  fuzzParams,
  hostileKeyPicks,
  logFromData,
  mutate,
  mutation,
  prototypeSnapshot,
  seedLogs,
  textVariant,
  validishFrontMatter,
  withHostileKeys,
  atLeastScaled,
} from './arbitraries.js';

/** Longest one generated log (at most a few hundred kilobytes) may take; real ones take a millisecond. */
const timeBoundMs = 2000;
/** Longest a huge one (up to a megabyte of front matter) may take; the 5 MB benchmark in test/security/limits takes well under 1 s. */
const hugeBoundMs = 5000;
const dir = mkdtempSync(join(tmpdir(), 'warta-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const prototypeBefore = prototypeSnapshot();

/** Loads a log from text (or from a file when `bytes` is given) and checks the result and the time it took. */
function check(text: string, name = 'fuzz.md', bound = timeBoundMs) {
  const file = join('/virtual', name);
  const started = performance.now();
  const result = readLog(file, { locales, text });
  expect(performance.now() - started).toBeLessThan(bound);
  expectSoundResult(result, file, text);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  return result;
}

let fileNumber = 0;
function checkBytes(bytes: Buffer) {
  const file = join(dir, `log-${fileNumber++ % 8}.md`);
  writeFileSync(file, bytes);
  const started = performance.now();
  const result = readLog(file, { locales });
  expect(performance.now() - started).toBeLessThan(timeBoundMs);
  expectSoundResult(result, file);
  return result;
}

const seeds = seedLogs();

describe('fuzz: loadLog', () => {
  it('takes front matter with any key missing or of a wrong type, and odd Unicode everywhere', () => {
    let rendered = 0;
    fc.assert(
      fc.property(fc.oneof(frontMatterData, validishFrontMatter), body, textVariant, (data, text, variant) => {
        if (check(applyVariant(logFromData(data, text), variant)).log) rendered++;
      }),
      fuzzParams(700),
    );
    // The generator must also reach the body parser and the checks after the schema.
    expect(rendered).toBeGreaterThan(atLeastScaled(100));
  });

  it('takes __proto__, constructor and prototype keys at every level without polluting anything', () => {
    fc.assert(
      fc.property(fc.oneof(frontMatterData, validishFrontMatter), hostileKeyPicks, body, (data, picks, text) => {
        const result = check(logFromData(withHostileKeys(data, picks), text));
        if (result.log) {
          // A hostile key never becomes a value of the log.
          expect(Object.getPrototypeOf(result.log)).toBe(Object.prototype);
          expect(Object.getPrototypeOf(result.log.title)).toBe(Object.prototype);
          expect(Object.keys(result.log.title)).not.toContain('__proto__');
        }
      }),
      fuzzParams(300),
    );
    expect(prototypeSnapshot()).toBe(prototypeBefore);
  });

  it('takes mutated sample logs (inserted, deleted, swapped and cut text)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 6 }), textVariant, (seed, edits, variant) => {
        check(applyVariant(mutate(seed, edits), variant));
      }),
      fuzzParams(700),
    );
  });

  it('takes YAML anchors and aliases in bulk', () => {
    fc.assert(
      fc.property(aliasFrontMatter, (text) => {
        check(text);
      }),
      fuzzParams(300),
    );
  });

  it('takes mutated bytes that are not UTF-8, from files', () => {
    fc.assert(
      fc.property(fc.constantFrom(...seeds), fc.array(byteEdit, { minLength: 1, maxLength: 5 }), textVariant, (seed, edits, variant) => {
        const result = checkBytes(editBytes(Buffer.from(applyVariant(seed, variant)), edits));
        if (result.findings.some((f) => f.rule === 'file/encoding')) expect(result.log).toBeUndefined();
      }),
      fuzzParams(400),
    );
  });

  it('refuses every kind of broken UTF-8 with the line it is on', () => {
    const sample = seeds[0] as string;
    for (const bad of [[0xff], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82], [0x80]]) {
      const lines = sample.split('\n');
      const target = 3;
      const bytes = Buffer.concat([
        Buffer.from(`${lines.slice(0, target - 1).join('\n')}\n`),
        Buffer.from(bad),
        Buffer.from(`${lines.slice(target - 1).join('\n')}`),
      ]);
      const result = checkBytes(bytes);
      expect(result.findings).toEqual([expect.objectContaining({ rule: 'file/encoding', line: target, severity: 'error' })]);
    }
  });

  it('takes huge values: long texts, long lines, many keys, items and sections, deep nesting', () => {
    // Each case is a small description ({ kind, n }) so a counterexample prints short; the text is built here.
    const head = 'title: T\ntype: change\nstatus: completed';
    const build: Record<string, (n: number) => string> = {
      'long title': (n) => `---\ntitle: ${'x'.repeat(n * 20)}\ntype: change\nstatus: completed\n---\n`,
      'long body': (n) => `---\n${head}\n---\n\n## Summary\n\n${'word '.repeat(n * 30)}`,
      'many keys': (n) => `---\n${head}\n${Array.from({ length: n * 3 }, (_, i) => `k${i}: ${i}`).join('\n')}\n---\n`,
      'many tags': (n) => `---\n${head}\ntags: [${Array.from({ length: n * 2 }, (_, i) => `t${i}`).join(', ')}]\n---\n`,
      'deep flow': (n) => `---\n${head}\nx: ${'['.repeat(n)}${']'.repeat(n)}\n---\n`,
      'deep block': (n) =>
        `---\n${head}\n${Array.from({ length: Math.min(n, 1500) }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} 1\n---\n`,
      'deep markdown': (n) =>
        `---\n${head}\n---\n\n## Summary\n\n${'> '.repeat(n)}x\n\n${'- '.repeat(n)}y\n\n${'*'.repeat(n)}z${'*'.repeat(n)}\n\n${'['.repeat(n)}`,
      'long heading': (n) => `---\n${head}\n---\n\n## a${' '.repeat(n * 10)}b {lang=en${' '.repeat(n * 10)}\n\nx`,
      'many sections': (n) => `---\n${head}\n---\n\n${Array.from({ length: n * 2 }, (_, i) => `## S${i}\n\nt`).join('\n\n')}`,
      'long timeline': (n) =>
        `---\n${head}\nwindow: {start: 2015-12-11T19:00}\n---\n\n## Timeline\n\n${Array.from({ length: n }, (_, i) => `- ${two(Math.floor(i / 60) % 24)}:${two(i % 60)} — e${i}`).join('\n')}`,
      'long first line': (n) => `---${' '.repeat(n * 10)}x\ntitle: T\n---\n`,
      'many aliases': (n) => `---\n${head}\nx: &x [1]\ny: [${Array(n).fill('*x').join(', ')}]\n---\n`,
      'many anchors': (n) => `---\n${head}\ny: [${Array.from({ length: n }, (_, i) => `&a${i} v`).join(', ')}]\n---\n`,
      'many languages': (n) => `---\n${head}\nlanguages: [${Array(n).fill('en').join(', ')}]\n---\n`,
      'many actions': (n) =>
        `---\n${head}\nactions:\n${Array.from({ length: n }, (_, i) => `  - { title: {en: a, xx: b}, due: 2015-13-01, owner: ${i} }`).join('\n')}\n---\n`,
    };
    const cases = fc.record({ kind: fc.constantFrom(...Object.keys(build)), n: fc.integer({ min: 10, max: 10_000 }) });
    fc.assert(
      fc.property(cases, ({ kind, n }) => {
        check((build[kind] as (n: number) => string)(n), 'fuzz.md', hugeBoundMs);
      }),
      fuzzParams(30),
    );
  });
});

function two(n: number): string {
  return String(n).padStart(2, '0');
}
