/**
 * Limits with clear messages instead of exhaustion: the size of a log and of its front matter,
 * timeline items, aliases, nesting, languages, findings, and files that are not files. Timings are
 * measured and asserted with a wide margin (CI machines are slow and busy), and printed.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { maxFindings } from '../../src/log/read-log.js';
import { maxFrontMatterChars, maxNestingDepth } from '../../src/log/parse-front-matter.js';
import { maxTimelineItems } from '../../src/log/parse-timeline.js';
import { maxLogBytes } from '../../src/log/read-log-text.js';
import { readLog } from '../../src/log/read-log.js';
import { loadText, locales, logText, runCli, tempDir } from '../helpers.js';

const head = 'title: T\ntype: change\nstatus: completed';
const two = (n: number) => String(n).padStart(2, '0');

/** Runs `run` and returns what it returned and the milliseconds it took. */
function timed<T>(run: () => T): [T, number] {
  const started = performance.now();
  const value = run();
  return [value, performance.now() - started];
}

/** A valid, realistic bilingual log of about `bytes`: a few kilobytes of front matter, long timelines, many long sections. */
function bigLog(bytes: number): string {
  const frontMatter = [
    '---',
    'id: big-log',
    'title: { en: A very long incident, id: Insiden yang sangat panjang }',
    'type: incident',
    'status: resolved',
    'severity: sev2',
    'languages: [en, id]',
    'timezone: Asia/Jakarta',
    'detected: 2024-03-05T09:00',
    'resolved: 2024-03-06T16:42',
    'systems:',
    ...Array.from({ length: 50 }, (_, i) => `  - { name: { en: System ${i}, id: Sistem ${i} }, impact: { en: Slow, id: Lambat } }`),
    'actions:',
    ...Array.from(
      { length: 50 },
      (_, i) => `  - { title: { en: Fix thing ${i}, id: Perbaiki ${i} }, owner: Ops, due: 2024-04-01, status: open }`,
    ),
    '---',
    '',
  ].join('\n');
  const sentence =
    'The payment API returned errors for **some** requests while the database failover ran; see [the runbook](https://example.com/runbook) and `SELECT 1`. ';
  const timeline = (heading: string, word: string) =>
    [
      `## ${heading}`,
      '',
      ...Array.from(
        { length: 4000 },
        (_, i) => `- 2024-03-05 ${two(9 + Math.floor(i / 600))}:${two(Math.floor(i / 10) % 60)} — ${word} ${i}: ${sentence.slice(0, 80)}`,
      ),
      '',
    ].join('\n');
  const parts = [frontMatter, timeline('Timeline', 'Event'), timeline('Kronologi', 'Kejadian')];
  const headings = ['Summary', 'Ringkasan', 'Impact', 'Dampak', 'Root cause', 'Akar masalah', 'Lessons learned', 'Pelajaran'];
  let size = parts.join('\n').length;
  for (let n = 0; size < bytes; n++) {
    const heading = headings[n] ?? `Notes ${Math.floor(n / 2)}${n % 2 ? ' {lang=id}' : ' {lang=en}'}`;
    const section = `## ${heading}\n\n${Array.from({ length: 40 }, () => sentence.repeat(4)).join('\n\n')}\n\n- item one\n- item two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n`;
    parts.push(section);
    size += section.length + 1;
  }
  return parts.join('\n');
}

describe('size limits', () => {
  it(`refuses a log over ${maxLogBytes / 1048576} MB at once, without reading it`, () => {
    const dir = tempDir('warta-limits-');
    const file = join(dir, 'huge.md');
    writeFileSync(file, Buffer.alloc(maxLogBytes + 1, 'a'));
    const [result, ms] = timed(() => readLog(file, { locales }));
    expect(result.log).toBeUndefined();
    expect(result.findings).toEqual([
      expect.objectContaining({
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'file/size',
        message: 'file is 10.0 MB; expected a log of at most 10 MB',
      }),
    ]);
    expect(ms).toBeLessThan(1000);
  });

  it('validate names the too-large file and exits 1', async () => {
    const dir = tempDir('warta-limits-');
    writeFileSync(join(dir, 'huge.md'), Buffer.alloc(maxLogBytes + 1024 * 1024, '-'));
    const result = await runCli(['validate', 'huge.md'], dir);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^huge\.md:1:1 error file\/size file is 11\.0 MB; expected a log of at most 10 MB$/m);
  });

  it(`refuses front matter over ${maxFrontMatterChars / 1048576} MB (long text belongs in the body)`, () => {
    const [result, ms] = timed(() => loadText(`---\n${head}\nx: "${'y'.repeat(maxFrontMatterChars)}"\n---\n`));
    expect(result.findings).toEqual([expect.objectContaining({ line: 1, rule: 'yaml/size', severity: 'error' })]);
    expect(result.findings[0]?.message).toBe('front matter is 1.0 MB; expected at most 1 MB of keys (long text belongs in the body)');
    expect(ms).toBeLessThan(1000);
  });

  it('refuses what is not a regular file: a FIFO (it would block) and /dev/zero (it never ends)', () => {
    const dir = tempDir('warta-limits-');
    execFileSync('mkfifo', [join(dir, 'fifo.md')]);
    for (const file of [join(dir, 'fifo.md'), '/dev/zero']) {
      const [result, ms] = timed(() => readLog(file, { locales }));
      expect(result.findings).toEqual([
        expect.objectContaining({ rule: 'file/read', line: 1, message: 'not a regular file; expected a Markdown log file' }),
      ]);
      expect(ms).toBeLessThan(1000);
    }
  });
});

describe('a 5 MB log', () => {
  it('validates in under 5 s (measured)', () => {
    const text = bigLog(5 * 1024 * 1024);
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    const dir = tempDir('warta-limits-');
    writeFileSync(join(dir, 'big.md'), text);
    const [result, ms] = timed(() => readLog(join(dir, 'big.md'), { locales }));
    console.info(
      `5 MB log (${(Buffer.byteLength(text) / 1048576).toFixed(1)} MB, ${text.split('\n').length} lines) validated in ${ms.toFixed(0)} ms`,
    );
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.log?.timeline.en).toHaveLength(4000);
    expect(ms).toBeLessThan(5000);
  });
});

describe('timeline limit', () => {
  const timeline = (n: number) =>
    logText(
      `${head}\nwindow: { start: 2015-12-11T00:00 }`,
      `## Timeline\n\n${Array.from({ length: n }, (_, i) => `- ${2015 + Math.floor(i / 1440)}-12-11 ${two(Math.floor(i / 60) % 24)}:${two(i % 60)} — event ${i}`).join('\n')}\n`,
    );

  it(`refuses a timeline of tens of thousands of items, naming the line of item ${maxTimelineItems + 1}`, () => {
    const [result, ms] = timed(() => loadText(timeline(50_000)));
    expect(result.log).toBeUndefined();
    const finding = result.findings.find((f) => f.rule === 'timeline/too-long');
    // Front matter: lines 1-6; "## Timeline" on 8; item 1 on 10, so item 5001 on 5010.
    expect(finding).toMatchObject({ line: 10 + maxTimelineItems, column: 1, severity: 'error' });
    expect(finding?.message).toBe(
      `the timeline has more than ${maxTimelineItems} dated items (this is item ${maxTimelineItems + 1}); expected at most ${maxTimelineItems}: keep the events a reader needs and link to the raw log`,
    );
    expect(result.findings.filter((f) => f.rule === 'timeline/too-long')).toHaveLength(1);
    expect(ms).toBeLessThan(2000);
  });

  it(`renders a timeline of exactly ${maxTimelineItems} items to HTML, text and e-mail without hanging (measured)`, async () => {
    const dir = tempDir('warta-limits-');
    writeFileSync(join(dir, 'long.md'), timeline(maxTimelineItems));
    expect(readLog(join(dir, 'long.md'), { locales }).log?.timeline.en).toHaveLength(maxTimelineItems);
    const started = performance.now();
    const result = await runCli(['render', 'long.md', '-f', 'html,txt,eml', '-o', 'out', '-q'], dir);
    const ms = performance.now() - started;
    console.info(`${maxTimelineItems}-item timeline rendered (3 documents as HTML, notice as text and e-mail) in ${ms.toFixed(0)} ms`);
    expect(result.code, result.stderr).toBe(0);
    expect(readdirSync(join(dir, 'out', 'long'))).toEqual(
      expect.arrayContaining(['lessons.en.html', 'notice.eml', 'notice.en.html', 'notice.en.txt', 'notice.html', 'report.en.html']),
    );
    expect(ms).toBeLessThan(30_000);
  });
});

describe('YAML alias bombs', () => {
  /** A 1 MB front matter of anchors and aliases, each level ten aliases of the one before. */
  function chainBomb(bytes: number): string {
    const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    let size = (lines[0] as string).length;
    for (let i = 1; size < bytes; i++) {
      const line = `a${i}: &a${i} [${Array(10)
        .fill(`*a${i - 1}`)
        .join(', ')}]`;
      lines.push(line);
      size += line.length + 1;
    }
    return `---\n${head}\n${lines.join('\n')}\n---\n`;
  }

  it('refuses a 1 MB alias bomb in under 1 s (measured), naming the 101st alias', () => {
    const text = chainBomb(1_000_000);
    expect(text.length).toBeGreaterThan(1_000_000);
    const [result, ms] = timed(() => loadText(text));
    console.info(`1 MB alias bomb (chain) refused in ${ms.toFixed(1)} ms`);
    expect(result.log).toBeUndefined();
    // Aliases start on line 6 (a1), ten a line: the 101st is the first of line 16.
    expect(result.findings).toEqual([expect.objectContaining({ rule: 'yaml/aliases', severity: 'error', line: 16, column: 12 })]);
    expect(result.findings[0]?.message).toBe(
      'front matter refused: alias number 101 (an alias bomb would expand without end); expected at most 100 alias uses',
    );
    expect(ms).toBeLessThan(1000);
  });

  it('refuses a 1 MB front matter of anchors whose aliases come last in under 1 s (measured)', () => {
    const anchors = Array.from({ length: 22_000 }, (_, i) => `k${i}: &k${i} [x, y, z]`).join('\n');
    const text = `---\n${head}\n${anchors}\nbomb: [${Array.from({ length: 101 }, (_, i) => `*k${i}`).join(', ')}]\n---\n`;
    expect(text.length).toBeGreaterThan(500_000);
    expect(text.length).toBeLessThan(maxFrontMatterChars);
    const [result, ms] = timed(() => loadText(text));
    console.info(`${(text.length / 1048576).toFixed(2)} MB of anchors with the bomb at the end refused in ${ms.toFixed(1)} ms`);
    expect(result.findings).toEqual([expect.objectContaining({ rule: 'yaml/aliases', line: 5 + 22_000 })]);
    expect(ms).toBeLessThan(1000);
  });

  it('refuses a small billion-laughs bomb that would expand to billions of values', () => {
    const levels = 'abcdefghij';
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < levels.length; i++)
      lines.push(
        `${levels[i]}: &${levels[i]} [${Array(9)
          .fill(`*${levels[i - 1]}`)
          .join(',')}]`,
      );
    const [result, ms] = timed(() => loadText(`---\n${head}\n${lines.join('\n')}\n---\n`));
    expect(result.findings).toEqual([expect.objectContaining({ rule: 'yaml/aliases', severity: 'error', line: 6 })]);
    expect(result.findings[0]?.message).toMatch(/would expand too far \(an alias bomb\)/);
    expect(ms).toBeLessThan(1000);
  });

  it('accepts a handful of aliases that do not nest', () => {
    const result = loadText(`---\n${head}\nx: &who Ops team\napprovers: [*who, *who]\n---\n`);
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.log?.approvers).toEqual(['Ops team', 'Ops team']);
  });
});

describe('nesting and counts', () => {
  it.each([
    ['flow lists', `x: ${'['.repeat(40)}${']'.repeat(40)}`, 5],
    ['block maps', Array.from({ length: 40 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1', 5 + maxNestingDepth],
  ])(`refuses %s nested deeper than ${maxNestingDepth} levels`, (_, yaml, line) => {
    const result = loadText(`---\n${head}\n${yaml}\n---\n`);
    expect(result.findings).toEqual([expect.objectContaining({ rule: 'yaml/depth', severity: 'error', line })]);
    expect(result.findings[0]?.message).toMatch(new RegExp(`nested more than ${maxNestingDepth} levels deep`));
  });

  it('refuses nesting so deep the YAML parser itself gives up, with the same clear rule', () => {
    const [result, ms] = timed(() => loadText(`---\n${head}\nx: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n---\n`));
    expect(result.findings[0]).toMatchObject({ rule: 'yaml/depth', severity: 'error', line: 5 });
    expect(ms).toBeLessThan(3000);
  });

  it('renders Markdown nested 10,000 levels deep (quotes, lists, emphasis, brackets) without overflowing', async () => {
    const dir = tempDir('warta-limits-');
    const n = 10_000;
    writeFileSync(
      join(dir, 'deep.md'),
      logText(head, `## Summary\n\n${'> '.repeat(n)}x\n\n${'- '.repeat(n)}y\n\n${'*'.repeat(n)}z${'*'.repeat(n)}\n\n${'['.repeat(n)}\n`),
    );
    const result = await runCli(['render', 'deep.md', '-f', 'html,txt,eml', '-d', 'notice,lessons', '-o', 'out', '-q'], dir);
    expect(result.code, result.stderr).toBe(0);
  });

  it('refuses more than 20 languages', () => {
    const result = loadText(`---\n${head}\nlanguages: [${Array(21).fill('en').join(', ')}]\n---\n`);
    expect(result.findings).toEqual([
      expect.objectContaining({
        rule: 'front-matter/languages',
        line: 5,
        message: 'languages: found a list; expected at most 20 languages',
      }),
    ]);
  });

  it(`reports at most ${maxFindings} findings per log, then sums up the rest`, () => {
    const systems = Array.from({ length: 3000 }, () => '  - { name: { en: a } }').join('\n');
    const result = loadText(`---\n${head}\nlanguages: [en, id]\nsystems:\n${systems}\n---\n`);
    expect(result.findings).toHaveLength(maxFindings + 1);
    expect(result.findings.at(-1)).toMatchObject({ rule: 'log/too-many-findings', severity: 'warning' });
    expect(result.findings.at(-1)?.message).toMatch(/^2000 more finding\(s\) from here on are not shown \(0 error\(s\)\)/);
    expect(result.log).toBeDefined();
  });

  it('reports 100 unknown keys one by one and sums up the rest', () => {
    const keys = Array.from({ length: 5000 }, (_, i) => `extra${i}: 1`).join('\n');
    const result = loadText(`---\n${head}\n${keys}\n---\n`);
    const unknown = result.findings.filter((f) => f.rule === 'front-matter/unknown-key');
    expect(unknown).toHaveLength(101);
    expect(unknown.at(-1)).toMatchObject({ line: 105 });
    expect(unknown.at(-1)?.message).toMatch(/^4900 more unknown keys from here on are ignored/);
  });

  it('shows a megabyte key cut short in its message', () => {
    const result = loadText(`---\n${head}\n${'k'.repeat(500_000)}: 1\n---\n`);
    expect(result.findings[0]?.message.length).toBeLessThan(400);
  });
});

describe('a folder that cannot be read', () => {
  it('is reported and the others are still searched', async () => {
    const dir = tempDir('warta-limits-');
    mkdirSync(join(dir, 'logs', 'sub'), { recursive: true });
    writeFileSync(join(dir, 'logs', 'ok.md'), logText(head));
    const { findLogFiles } = await import('../../src/batch/find-log-files.js');
    // A folder name that readdir fails on: a path component that is a file.
    writeFileSync(join(dir, 'logs', 'file'), 'x');
    const found = findLogFiles(['logs', 'logs/file/nope'], dir);
    expect(found.files).toEqual([join(dir, 'logs', 'ok.md')]);
    expect(found.missing).toEqual([{ path: 'logs/file/nope', reason: expect.stringMatching(/ENOTDIR|not a directory/) as string }]);
  });
});
