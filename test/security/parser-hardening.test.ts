/**
 * Regression tests for what the fuzz suite and the hostile-input review found in src/log: each
 * case names the problem it guards against.
 */
import { describe, expect, it } from 'vitest';
import { loadText, logText } from '../helpers.js';

const head = 'title: T\ntype: change\nstatus: completed';

function timed<T>(run: () => T): [T, number] {
  const started = performance.now();
  const value = run();
  return [value, performance.now() - started];
}

describe('no pattern backtracks quadratically on a long line', () => {
  it.each([
    ['a heading with a long run of blanks', `## a${' '.repeat(1_000_000)}b\n\ntext`],
    ['a heading with a long run of " #"', `## a${' #'.repeat(500_000)}b\n\ntext`],
    ['a heading full of unfinished {lang=', `## a${' {lang=en'.repeat(200_000)}\n\ntext`],
    ['a timeline item with a long run of blanks', `## Timeline\n\n- 19:00 ABC${' '.repeat(1_000_000)}x`],
  ])('%s', (_, body) => {
    const [result, ms] = timed(() => loadText(logText(`${head}\nwindow: { start: 2015-12-11T19:00 }`, body)));
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(ms).toBeLessThan(1500);
  });

  it('an opening line with a long run of blanks', () => {
    const [result, ms] = timed(() => loadText(`---${' '.repeat(1_000_000)}!\n${head}\n---\n`));
    expect(result.findings[0]?.rule).toBe('front-matter/missing');
    expect(ms).toBeLessThan(500);
  });
});

describe('front matter is cut where it is checked', () => {
  it('a line starting with "---" inside the YAML is refused, not read two ways', () => {
    const result = loadText(`---\n${head}\norganization: |\n  x\n---x: 1\n---\n\n## Summary\n\nok\n`);
    // gray-matter would end the front matter at "---x: 1"; the YAML reading would not.
    expect(result.findings).toEqual([expect.objectContaining({ rule: 'front-matter/delimiter', line: 7, severity: 'error' })]);
    expect(result.log).toBeUndefined();
  });

  it.each(['yaml', 'yml', 'YAML'])('---%s opens YAML front matter', (language) => {
    expect(loadText(`---${language}\n${head}\n---\n`).log).toBeDefined();
  });

  it('---JS is refused as well as ---js, and never run', () => {
    const result = loadText('---JS\n{ title: (globalThis.wartaRan = true, "x") }\n---\n');
    expect(result.findings[0]).toMatchObject({ rule: 'front-matter/language', line: 1 });
    expect((globalThis as Record<string, unknown>).wartaRan).toBeUndefined();
  });
});

describe('the body is cut at top-level "##" headings only', () => {
  it('a "## " inside a quote or list item stays in its section', () => {
    const result = loadText(logText(head, '## Summary\n\n> ## not a section\n\n- ## nor this\n\n## Impact\n\nbig\n'));
    expect(result.log?.sections.summary?.text.en?.markdown).toBe('> ## not a section\n\n- ## nor this');
    expect(result.log?.customSections).toEqual([]);
  });

  it('a setext heading (underlined with ---) names its section, without the underline in the text', () => {
    const result = loadText(logText(head, 'Summary\n-------\n\nText.\n'));
    expect(result.log?.sections.summary?.text.en).toMatchObject({ markdown: 'Text.', line: 7, markdownLine: 10 });
  });

  it('{lang=..} still sets the language, with or without closing #s', () => {
    const result = loadText(logText(`${head}\nlanguages: [en, id]`, '## Summary {lang=id} ##\n\nTeks.\n\n## Summary\n\nText.\n'));
    expect(result.log?.sections.summary?.text.id?.markdown).toBe('Teks.');
    expect(result.log?.sections.summary?.text.en?.markdown).toBe('Text.');
  });
});

describe('YAML', () => {
  it('finds 20,000 duplicate keys in one pass, each with the line of the first', () => {
    const keys = Array.from({ length: 20_000 }, () => 'k: 1').join('\n');
    const [result, ms] = timed(() => loadText(`---\n${head}\n${keys}\n---\n`));
    expect(result.findings[0]).toMatchObject({ rule: 'yaml/duplicate-key', line: 6, column: 1 });
    expect(result.findings[0]?.message).toBe('key "k" appears twice in one map (first on line 5); expected each key once');
    expect(ms).toBeLessThan(3000);
  });

  it('finds duplicate keys in nested maps and flow maps', () => {
    const result = loadText(`---\n${head}\ndecision:\n  outcome: proceed\n  outcome: abort\nimpact: { users: a, users: b }\n---\n`);
    expect(result.findings.map((f) => [f.rule, f.line])).toEqual([
      ['yaml/duplicate-key', 7],
      ['yaml/duplicate-key', 8],
    ]);
  });

  it('refuses tags: no custom type is ever read', () => {
    const result = loadText(`---\n${head}\nx: !!js/function "function () { return 1 }"\ny: !custom value\n---\n`);
    expect(result.findings.map((f) => [f.rule, f.line])).toEqual([
      ['yaml/tag', 5],
      ['yaml/tag', 6],
    ]);
  });

  it('a title map with only __proto__ is refused, and nothing reaches a prototype', () => {
    const result = loadText(`---\ntitle: { __proto__: { en: polluted } }\ntype: change\nstatus: completed\n---\n`);
    expect(result.findings).toEqual([expect.objectContaining({ rule: 'front-matter/title', line: 2 })]);
    expect(({} as Record<string, unknown>).en).toBeUndefined();
  });

  it('__proto__ at the top is an unknown key, and cannot set the id', () => {
    const result = loadText(`---\n${head}\n__proto__: { id: "../../etc" }\n---\n`, 'safe-name.md');
    expect(result.findings).toEqual([expect.objectContaining({ rule: 'front-matter/unknown-key', line: 5 })]);
    expect(result.log?.id).toBe('safe-name');
  });

  it('an empty map for a text says so instead of "the undefined text"', () => {
    const result = loadText(`---\n${head}\ndecision: { rationale: {} }\n---\n`);
    expect(result.findings).toEqual([
      expect.objectContaining({
        rule: 'translation/missing',
        message: 'decision.rationale: is an empty map, so it has no text in any language; expected decision.rationale.en',
      }),
    ]);
  });
});

describe('messages are safe to print on a terminal', () => {
  it('control characters, bidi overrides and line breaks from the log are shown as escapes', () => {
    const result = loadText(`---\n${head}\n"\\e]0;pwned\\a\\u202e\\nfake.md:1:1 error": 1\n---\n`);
    const message = result.findings[0]?.message ?? '';
    expect(message).toContain('\\u001b]0;pwned\\u0007\\u202e\\u000afake.md:1:1 error');
    expect(message).not.toMatch(/[\u0000-\u001f\u202e]/);
  });

  it('a lone surrogate cut from a long value is escaped too', () => {
    const result = loadText(`---\n${head}\ndetected: "${'x'.repeat(56)}😀😀"\n---\n`);
    expect(result.findings[0]?.message).not.toMatch(/[\ud800-\udfff](?![\udc00-\udfff])/u);
  });
});
