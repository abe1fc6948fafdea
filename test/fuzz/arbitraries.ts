/**
 * Generators of broken and hostile incident logs for the fuzz suite, and the checks every result
 * of loadLog must pass. Seeded: WARTA_FUZZ_SEED replays a run, WARTA_FUZZ_SCALE multiplies the
 * number of runs (e.g. 10 for a long local session).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { expect } from 'vitest';
import type { LoadResult } from '../../src/log/types.js';

export const fuzzSeed = Number(process.env.WARTA_FUZZ_SEED ?? 20151211);
const scale = Number(process.env.WARTA_FUZZ_SCALE ?? 1);

/**
 * A minimum count of cases that must get through (so a generator that produces only rejects
 * fails), scaled down with the number of runs: the full count at scale 1 and above.
 */
export function atLeastScaled(count: number): number {
  return Math.floor(count * Math.min(1, scale));
}

/** fast-check parameters: the fixed seed (printed with any counterexample) and a scaled number of runs. */
export function fuzzParams(numRuns: number): fc.Parameters<unknown> {
  return { seed: fuzzSeed, numRuns: Math.max(1, Math.round(numRuns * scale)) };
}

/** Characters and snippets that break parsers, renderers and terminals. */
export const oddPieces = [
  '\u200f', // right-to-left mark
  '\u200e',
  '\u202e', // right-to-left override
  '\u2066',
  '\u200b', // zero-width space
  '\u200d',
  '\ufeff',
  '\u0000',
  '\t',
  '\r',
  '\n',
  '\r\n',
  '\u2028',
  '\u2029',
  '\u0085',
  '\ud800', // lone surrogates
  '\udfff',
  '\ud83d',
  '😀',
  '👩‍👩‍👧',
  '𝔘𝔫𝔦',
  '\u001b[31m',
  '\u001b]0;title\u0007',
  '\u007f',
  '\u00a0',
  '\u3000',
  'عربى',
  'עברית',
  'e\u0301',
  '{{',
  '}}',
  "{{constructor.constructor('x')()}}",
  '{{> layout}}',
  '{{{css}}}',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '</title><script>',
  'javascript:alert(1)',
  '[x](javascript:alert(1))',
  '<https://example.com>',
  '![x](https://attacker.example/p.png)',
  '&amp;',
  '&#0;',
  '&#x110000;',
  '"',
  "'",
  '\\',
  ':',
  ': ',
  '#',
  ' #',
  '- ',
  '---',
  '...',
  '&a',
  '*a',
  '!!str',
  '!!js/function',
  '!',
  '%YAML 1.1',
  '|',
  '>',
  '[',
  ']',
  '{',
  '}',
  ',',
  '? ',
  '@',
  '`',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '.nan',
  '.inf',
  'null',
  '~',
  'yes',
  '0x1F',
  '1e400',
  '2015-12-11',
  '19:00',
  '-1',
];

/** Text made of odd pieces, random code points (astral ones too) and plain ASCII. */
export const oddText: fc.Arbitrary<string> = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...oddPieces) },
      { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
      { weight: 4, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 10 }) },
    ),
    { maxLength: 10 },
  )
  .map((parts) => parts.join(''));

/** Mostly readable text, sometimes odd. */
export const someText = fc.oneof({ weight: 3, arbitrary: fc.lorem({ maxCount: 6 }) }, { weight: 2, arbitrary: oddText });

const keyNames = ['__proto__', 'constructor', 'prototype'];

const two = (n: number) => String(n).padStart(2, '0');

/** A log time: mostly valid, sometimes a day or hour that does not exist, or no time at all. */
export const logTime: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc
      .tuple(
        fc.integer({ min: 1990, max: 2040 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom('', '', 'Z', '+07:00', '-0330', ':00'),
        fc.constantFrom('T', ' '),
      )
      .map(([y, mo, d, h, mi, zone, sep]) => `${y}-${two(mo)}-${two(d)}${sep}${two(h)}:${two(mi)}${zone}`),
  },
  { weight: 1, arbitrary: fc.constantFrom('2015-02-30T10:00', '2015-12-11T24:00', '2015-12-32', '99999-01-01', '2015-12-11', '') },
  { weight: 1, arbitrary: oddText },
);

/** A valid log time without offset; sortable as text. */
const validTime: fc.Arbitrary<string> = fc
  .tuple(
    fc.integer({ min: 2000, max: 2030 }),
    fc.integer({ min: 1, max: 12 }),
    fc.integer({ min: 1, max: 28 }),
    fc.integer({ min: 0, max: 23 }),
    fc.integer({ min: 0, max: 59 }),
  )
  .map(([y, mo, d, h, mi]) => `${y}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}`);

/** Two or four valid times in order. */
const orderedTimes = (n: number) => fc.array(validTime, { minLength: n, maxLength: n }).map((times) => [...times].sort());

/** Any JSON-like value: what a wrong type for a key looks like. */
const wrongType = fc.jsonValue({ maxDepth: 2 });

const incidentStatuses = ['investigating', 'identified', 'monitoring', 'resolved'];
const changeStatuses = ['scheduled', 'in-progress', 'completed', 'postponed', 'rolled-back', 'cancelled'];

/**
 * Front matter as data. Each value is valid for its key, or (with weight `wrong` against 12) of any
 * type at all; optional keys come and go, and `title`, `type` and `status` go missing now and then.
 */
function frontMatter(wrong: number): fc.Arbitrary<Record<string, unknown>> {
  const maybe = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
    wrong === 0 ? valid : fc.oneof({ weight: 12, arbitrary: valid }, { weight: wrong, arbitrary: wrongType });
  const typeAndStatus = fc.oneof(
    { weight: 2, arbitrary: fc.record({ type: fc.constant('incident'), status: fc.constantFrom(...incidentStatuses) }) },
    { weight: 2, arbitrary: fc.record({ type: fc.constantFrom('change', 'maintenance'), status: fc.constantFrom(...changeStatuses) }) },
    {
      weight: wrong === 0 ? 0 : 1,
      arbitrary: fc.record({ type: fc.constantFrom('incident', 'Incident', 'outage'), status: fc.constantFrom(...changeStatuses, 'done') }),
    },
  );
  const text =
    wrong === 0
      ? fc.oneof({ weight: 3, arbitrary: fc.lorem({ maxCount: 6 }) }, { weight: 2, arbitrary: oddText.map((t) => `${t}.`) })
      : fc.oneof({ weight: 3, arbitrary: fc.lorem({ maxCount: 6 }) }, { weight: 2, arbitrary: oddText });
  const time = wrong === 0 ? validTime : logTime;
  const window =
    wrong === 0
      ? orderedTimes(4).map(([start, end, actualStart, actualEnd]) => ({ start, end, actual_start: actualStart, actual_end: actualEnd }))
      : fc.record({ start: logTime, end: logTime, actual_start: logTime, actual_end: logTime }, { requiredKeys: [] });
  const pair =
    wrong === 0
      ? orderedTimes(2).map(([start, end]) => ({ start, end }))
      : fc.record({ start: logTime, end: logTime }, { requiredKeys: [] });
  const loc = fc.oneof(
    { weight: 4, arbitrary: text },
    { weight: 3, arbitrary: fc.record({ en: text, id: text }, { requiredKeys: ['en'] }) },
    { weight: wrong === 0 ? 0 : 1, arbitrary: fc.dictionary(oddText, text, { maxKeys: 3 }) },
  );
  const optional = fc.record(
    {
      id: maybe(
        fc.oneof(
          { weight: 5, arbitrary: fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,30}$/) },
          { weight: wrong, arbitrary: fc.constantFrom('../../etc', '/etc/passwd', '..', 'a/b', 'A B', '') },
        ),
      ),
      severity: maybe(fc.constantFrom('sev1', 'sev2', 'sev3', 'sev4')),
      languages: maybe(fc.subarray(['en', 'id'], { minLength: 1 })),
      timezone: maybe(fc.constantFrom('UTC', 'Asia/Jakarta', 'Europe/Amsterdam', 'America/St_Johns')),
      organization: maybe(text),
      author: maybe(text),
      approvers: maybe(fc.array(text, { maxLength: 3 })),
      contacts: maybe(
        fc.oneof(
          fc.array(text, { maxLength: 3 }),
          fc.record({ en: fc.array(text, { maxLength: 2 }), id: fc.array(text, { maxLength: 2 }) }),
        ),
      ),
      systems: maybe(fc.array(fc.oneof(text, fc.record({ name: loc, impact: loc }, { requiredKeys: ['name'] })), { maxLength: 4 })),
      window: maybe(window),
      decision: maybe(
        fc.record(
          {
            outcome: fc.constantFrom('proceed', 'rollback', 'postpone', 'abort'),
            at: time,
            by: loc,
            rationale: loc,
            alternatives: fc.array(fc.record({ option: loc, risk: loc }, { requiredKeys: ['option'] }), { maxLength: 3 }),
          },
          { requiredKeys: [] },
        ),
      ),
      rescheduled: maybe(pair),
      detectedResolved: maybe(pair),
      impact: maybe(
        fc.record(
          {
            users: loc,
            downtime: fc.oneof(fc.constantFrom('PT18H', 'P1DT2H30M', 'PT0S'), text),
            data_loss: fc.oneof(fc.boolean(), fc.constantFrom('none', 'yes', 'tidak'), text),
            summary: loc,
          },
          { requiredKeys: [] },
        ),
      ),
      actions: maybe(
        fc.array(
          fc.record(
            { title: loc, owner: text, due: time, status: fc.constantFrom('open', 'done'), priority: text },
            { requiredKeys: ['title'] },
          ),
          { maxLength: 4 },
        ),
      ),
      tags: maybe(fc.array(fc.oneof(text, fc.integer()), { maxLength: 4 })),
      updated: maybe(time),
    },
    { requiredKeys: [] },
  );
  return fc
    .tuple(maybe(loc), typeAndStatus, optional, fc.subarray(['title', 'type', 'status']), fc.nat(20))
    .map(([title, core, rest, drop, chance]) => {
      const { detectedResolved, ...others } = rest as Record<string, unknown>;
      const data: Record<string, unknown> = { title, ...core, ...others };
      // detected and resolved come as a pair, so that a valid pair is in order.
      if (detectedResolved && typeof detectedResolved === 'object' && !Array.isArray(detectedResolved)) {
        const { start, end } = detectedResolved as { start?: unknown; end?: unknown };
        if (start !== undefined) data.detected = start;
        if (end !== undefined) data.resolved = end;
      } else if (detectedResolved !== undefined) data.detected = detectedResolved;
      // Now and then a required key goes missing.
      if (wrong > 0 && chance === 0) for (const key of drop) delete data[key];
      return data;
    });
}

/** Front matter where any key may be missing or of a wrong type. */
export const frontMatterData = frontMatter(2);

/** Front matter of the right shape (times, orders and translations may still be wrong), with odd text in every text value. */
export const validishFrontMatter = frontMatter(0);

/** Adds `__proto__`, `constructor` and `prototype` keys (as own keys) to maps chosen at every level. */
export function withHostileKeys(data: Record<string, unknown>, picks: readonly [number, string, unknown][]): Record<string, unknown> {
  const maps: Record<string, unknown>[] = [];
  const walk = (value: unknown, depth: number) => {
    if (depth > 6 || value === null || typeof value !== 'object') return;
    if (!Array.isArray(value)) maps.push(value as Record<string, unknown>);
    for (const child of Object.values(value)) walk(child, depth + 1);
  };
  walk(data, 0);
  for (const [n, key, value] of picks) {
    const target = maps[n % maps.length] as Record<string, unknown>;
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return data;
}

export const hostileKeyPicks = fc.array(fc.tuple(fc.nat(), fc.constantFrom(...keyNames), wrongType), { maxLength: 4 });

const headingNames = [
  'Summary',
  'Ringkasan',
  'Timeline',
  'Kronologi',
  'Impact',
  'Dampak',
  'Root cause',
  'Decision',
  'What went well',
  'Lessons learned',
  'Pelajaran',
  'Next steps',
  'Announcement',
  'Pengumuman',
  'Custom notes',
  '',
];

/** One line of a log body: headings (known, custom, with `{lang=..}`), timeline items, lists, code, hostile snippets. */
export const bodyLine: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.constantFrom(...headingNames),
        fc.constantFrom('', '', ' {lang=en}', ' {lang=id}', ' {lang=xx}', ' {lang=__proto__}', ' ##'),
        fc.option(oddText),
      )
      .map(([name, attr, odd]) => `## ${name}${odd ?? ''}${attr}`),
  },
  {
    weight: 3,
    arbitrary: fc
      .tuple(
        fc.option(fc.constantFrom('2015-12-11 ', '2015-12-12T', '2015-02-30 ', '2024-03-05 ')),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 70 }),
        fc.constantFrom(' — ', ' - ', ': ', ' WIB — ', ' '),
        someText,
      )
      .map(([date, h, m, sep, text]) => `- ${date ?? ''}${two(h)}:${two(m)}${sep}${text}`),
  },
  { weight: 2, arbitrary: someText.map((t) => `- ${t}`) },
  { weight: 1, arbitrary: someText.map((t) => `  ${t}`) },
  { weight: 3, arbitrary: someText },
  { weight: 1, arbitrary: fc.constantFrom('```', '~~~', '> quote', '1. one', '| a | b |', '|---|---|', '***', '# Title', '') },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '<script>alert(1)</script>',
      '<iframe src="https://attacker.example"></iframe>',
      '[click](javascript:alert(1))',
      '[ref][r]\n\n[r]: javascript:alert(1)',
      '<javascript:alert(1)>',
      '![x](https://attacker.example/p.png)',
      '<style>@import url(https://attacker.example/x.css)</style>',
      '{{constructor.constructor("x")()}}',
      'the outage was caused by Bob',
      'human error',
    ),
  },
);

export const body: fc.Arbitrary<string> = fc.array(bodyLine, { maxLength: 30 }).map((lines) => lines.join('\n'));

/** A whole log as text from front matter data and a body. */
export function logFromData(data: Record<string, unknown>, text: string): string {
  let yaml: string;
  try {
    yaml = stringify(data, { lineWidth: 0 });
  } catch {
    yaml = 'title: fallback\n';
  }
  return `---\n${yaml}---\n\n${text}\n`;
}

/** Line-end and encoding variations a text editor produces. */
export const textVariant = fc.constantFrom('plain', 'crlf', 'cr', 'bom', 'tabs', 'bom-crlf');

export function applyVariant(text: string, variant: string): string {
  switch (variant) {
    case 'crlf':
      return text.replace(/\n/g, '\r\n');
    case 'cr':
      return text.replace(/\n/g, '\r');
    case 'bom':
      return `\ufeff${text}`;
    case 'tabs':
      return text.replace(/^( {2})+/gm, (s) => '\t'.repeat(s.length / 2));
    case 'bom-crlf':
      return `\ufeff${text.replace(/\n/g, '\r\n')}`;
    default:
      return text;
  }
}

/** Sample logs to mutate: the bundled incidents and the test fixtures. */
export function seedLogs(): string[] {
  const root = resolve(import.meta.dirname, '../..');
  const files: string[] = [];
  for (const dir of ['incidents', 'test/fixtures/valid', 'test/fixtures/warnings', 'test/fixtures/mixed', 'test/fixtures/invalid']) {
    for (const name of readdirSync(join(root, dir)).sort()) if (name.endsWith('.md')) files.push(join(root, dir, name));
  }
  return files.map((file) => readFileSync(file, 'utf8'));
}

/** An edit of a text at a position taken modulo its length. */
export type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate-line'; at: number }
  | { kind: 'swap-lines'; at: number; other: number }
  | { kind: 'truncate'; at: number };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: oddText }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), other: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }) },
);

export function mutate(text: string, mutations: readonly Mutation[]): string {
  let out = text;
  for (const m of mutations) {
    const at = out.length === 0 ? 0 : m.at % (out.length + 1);
    if (m.kind === 'insert') out = out.slice(0, at) + m.text + out.slice(at);
    else if (m.kind === 'delete') out = out.slice(0, at) + out.slice(at + m.length);
    else if (m.kind === 'truncate') out = out.slice(0, at);
    else {
      const lines = out.split('\n');
      const i = m.at % lines.length;
      if (m.kind === 'duplicate-line') lines.splice(i, 0, lines[i] as string);
      else {
        const j = m.other % lines.length;
        [lines[i], lines[j]] = [lines[j] as string, lines[i] as string];
      }
      out = lines.join('\n');
    }
  }
  return out;
}

/** Byte sequences that are not UTF-8: stray continuation bytes, overlong forms, encoded surrogates, past U+10FFFF, cut sequences. */
export const invalidUtf8: (readonly number[])[] = [
  [0xff],
  [0xfe],
  [0x80],
  [0xc0, 0x80],
  [0xc1, 0xbf],
  [0xed, 0xa0, 0x80],
  [0xf4, 0x90, 0x80, 0x80],
  [0xe2, 0x82],
  [0xf0, 0x9f, 0x98],
];

export type ByteEdit = { kind: 'set'; at: number; value: number } | { kind: 'insert'; at: number; bytes: readonly number[] };

export const byteEdit: fc.Arbitrary<ByteEdit> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.constantFrom(...invalidUtf8) }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    bytes: fc.constantFrom<readonly number[]>([0], [0x0d], [0x09], [0xef, 0xbb, 0xbf], [0x1b]),
  }),
);

export function editBytes(bytes: Buffer, edits: readonly ByteEdit[]): Buffer {
  let out = Buffer.from(bytes);
  for (const edit of edits) {
    const at = out.length === 0 ? 0 : edit.at % out.length;
    if (edit.kind === 'set') {
      if (out.length > 0) out[at] = edit.value;
    } else out = Buffer.concat([out.subarray(0, at), Buffer.from(edit.bytes), out.subarray(at)]);
  }
  return out;
}

/** Front matter full of anchors and aliases: defined, undefined, forward, nested, in bulk. */
export const aliasFrontMatter: fc.Arbitrary<string> = fc
  .tuple(
    fc.integer({ min: 1, max: 40 }),
    fc.array(
      fc.oneof(
        fc.tuple(fc.constant('anchor' as const), fc.nat(60), fc.constantFrom('[x, y]', '{a: 1}', 'text', '[*a0, *a0]', '"q"', '')),
        fc.tuple(fc.constant('alias' as const), fc.nat(60), fc.integer({ min: 1, max: 30 })),
        fc.tuple(fc.constant('merge' as const), fc.nat(60), fc.constant(0)),
        fc.tuple(fc.constant('known' as const), fc.nat(60), fc.constantFrom('title', 'type', 'status', 'languages', 'systems', 'decision')),
      ),
      { maxLength: 40 },
    ),
  )
  .map(([width, entries]) => {
    const lines = ['title: T', 'type: change', 'status: completed', `a0: &a0 [${Array(width).fill('v').join(', ')}]`];
    entries.forEach((entry, i) => {
      const [kind, n, extra] = entry;
      if (kind === 'anchor') lines.push(`k${i}: &a${n} ${extra}`);
      else if (kind === 'alias')
        lines.push(
          `k${i}: [${Array(extra)
            .fill(`*a${n % 8}`)
            .join(', ')}]`,
        );
      else if (kind === 'merge') lines.push(`k${i}:\n  <<: *a${n}\n  b: 2`);
      else lines.push(`${extra}${i}: *a${n % 4}`);
    });
    return `---\n${lines.join('\n')}\n---\n\n## Summary\n\nx\n`;
  });

/** Rules are `area/name`. */
const rulePattern = /^[a-z][a-z0-9-]*\/[a-z][a-z0-9-]*$/;

/**
 * What every result of loadLog must be, whatever the input: findings placed at line and column 1 or
 * more, with a rule and a one-line message without control characters; an error whenever there is
 * no log and none when there is one; a log id that is safe as a folder name.
 */
export function expectSoundResult(result: LoadResult, file: string, input = ''): void {
  expect(result.file).toBe(file);
  for (const finding of result.findings) {
    expect(finding.file).toBe(file);
    expect(Number.isInteger(finding.line) && finding.line >= 1, `line of ${JSON.stringify(finding)}`).toBe(true);
    expect(Number.isInteger(finding.column) && finding.column >= 1, `column of ${JSON.stringify(finding)}`).toBe(true);
    expect(['error', 'warning']).toContain(finding.severity);
    expect(finding.rule).toMatch(rulePattern);
    expect(finding.rule, finding.message).not.toBe('internal/error');
    expect(typeof finding.message === 'string' && finding.message.trim().length > 0).toBe(true);
    expect(finding.message).not.toMatch(/[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/);
    // A value the code failed to look up, shown to the user.
    if (!input.includes('undefined')) expect(finding.message).not.toMatch(/\bundefined\b/);
    if (!input.includes('[object Object]')) expect(finding.message).not.toContain('[object Object]');
  }
  const errors = result.findings.filter((f) => f.severity === 'error');
  if (result.log === undefined) expect(errors.length, 'no log, so at least one error').toBeGreaterThan(0);
  else {
    expect(errors, 'a log is returned only without errors').toEqual([]);
    expect(result.log.id).toMatch(/^[a-z0-9][a-z0-9-]*$/);
    expect(result.log.id.length).toBeLessThanOrEqual(100);
    for (const lang of result.log.languages) expect(lang).toMatch(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/);
  }
}

/** Object.prototype as it is now, to prove no log added to it. */
export function prototypeSnapshot(): string {
  return JSON.stringify([Object.getOwnPropertyNames(Object.prototype).sort(), Object.getOwnPropertyNames(Array.prototype).sort()]);
}
