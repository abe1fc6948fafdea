/**
 * A batch with broken logs: every good log is rendered, every bad one is reported with its
 * findings (file:line:column), the run exits 1, and no output folder appears for a log that failed.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { logText, runCli, tempDir } from '../helpers.js';

const good = (id: string) =>
  logText(
    `id: ${id}\ntitle: { en: Good ${id}, id: Baik ${id} }\ntype: change\nstatus: completed\nlanguages: [en, id]`,
    '## Summary\n\nFine.\n\n## Ringkasan\n\nBaik.\n',
  );

/** Bad logs, each with the finding that must name it. */
const bad: Record<string, { content: string | Buffer; finding: RegExp }> = {
  'bad-yaml.md': {
    content: '---\ntitle: T\ntype: [change\nstatus: completed\n---\n',
    finding: /^batch\/bad-yaml\.md:\d+:\d+ error yaml\/syntax /m,
  },
  'bad-status.md': {
    content: logText('id: bad-status\ntitle: T\ntype: incident\nstatus: postponed'),
    finding: /^batch\/bad-status\.md:5:9 error front-matter\/status /m,
  },
  'bad-utf8.md': {
    content: Buffer.concat([
      Buffer.from('---\ntitle: T\ntype: change\n'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('status: completed\n---\n'),
    ]),
    finding: /^batch\/bad-utf8\.md:4:1 error file\/encoding file is not valid UTF-8/m,
  },
  'bad-id.md': {
    content: logText('id: ../../etc\ntitle: T\ntype: change\nstatus: completed'),
    finding: /^batch\/bad-id\.md:2:5 error front-matter\/id /m,
  },
  'alias-bomb.md': {
    content: `---\ntitle: T\ntype: change\nstatus: completed\nx: &x [1]\ny: [${Array(150).fill('*x').join(', ')}]\n---\n`,
    finding: /^batch\/alias-bomb\.md:6:\d+ error yaml\/aliases /m,
  },
  'empty.md': { content: '', finding: /^batch\/empty\.md:1:1 error front-matter\/missing /m },
  'js.md': { content: '---js\n{ title: "x" }\n---\n', finding: /^batch\/js\.md:1:1 error front-matter\/language /m },
  'no-title.md': {
    content: logText('id: no-title\ntype: change\nstatus: completed'),
    finding: /^batch\/no-title\.md:2:1 error front-matter\/title title: missing/m,
  },
  'long-timeline.md': {
    content: logText(
      'id: long-timeline\ntitle: T\ntype: change\nstatus: completed\nwindow: { start: 2015-12-11T00:00 }',
      `## Timeline\n\n${Array.from({ length: 5001 }, (_, i) => `- 2015-12-${String(11 + Math.floor(i / 1440)).padStart(2, '0')} ${String(Math.floor(i / 60) % 24).padStart(2, '0')}:${String(i % 60).padStart(2, '0')} — e${i}`).join('\n')}\n`,
    ),
    finding: /^batch\/long-timeline\.md:5011:1 error timeline\/too-long /m,
  },
  'duplicate.md': {
    content: good('good-one'),
    // On the id: line of the second log, where the fix goes.
    finding: /^batch\/duplicate\.md:2:1 error log\/duplicate-id id "good-one" is already used by/m,
  },
};

let dir: string;
let out: string;
let result: Awaited<ReturnType<typeof runCli>>;

beforeAll(async () => {
  dir = tempDir('warta-batch-');
  mkdirSync(join(dir, 'batch'));
  // "a-" and "z-" so the good ones come first and last, around the bad ones (and the duplicate after its original).
  writeFileSync(join(dir, 'batch', 'a-good.md'), good('good-one'));
  writeFileSync(join(dir, 'batch', 'z-good.md'), good('good-two'));
  for (const [name, { content }] of Object.entries(bad)) writeFileSync(join(dir, 'batch', name), content);
  out = join(dir, 'out');
  result = await runCli(['render', 'batch', '-f', 'html', '-o', out], dir);
}, 60_000);

describe('a batch with broken logs', () => {
  it('exits 1 and sums up: every log counted, the good ones rendered', () => {
    expect(result.code).toBe(1);
    const total = 2 + Object.keys(bad).length;
    expect(result.stdout).toMatch(new RegExp(`${total} log\\(s\\): 2 rendered, ${total - 2} not rendered`));
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/internal error|\n\s+at .*:\d+:\d+/);
  });

  it.each(Object.entries(bad))('reports %s with its finding and as not rendered', (name, { finding }) => {
    expect(result.stderr).toMatch(finding);
    expect(result.stderr).toContain(`batch/${name}: not rendered (fix the errors above)`);
  });

  it('renders every good log completely', () => {
    for (const id of ['good-one', 'good-two']) {
      expect(readdirSync(join(out, id))).toEqual(
        expect.arrayContaining([
          'lessons.en.html',
          'lessons.id.html',
          'notice.en.html',
          'notice.html',
          'notice.id.html',
          'report.en.html',
          'report.id.html',
        ]),
      );
    }
  });

  it('leaves no output folder for a log that failed', () => {
    // The output folder also holds the archive (index.html, incidents.json, ...): files, not log folders.
    const folders = readdirSync(out, { withFileTypes: true }).filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'));
    expect(folders.map((entry) => entry.name).sort()).toEqual(['good-one', 'good-two']);
  });

  it('validate reports the same logs with errors, and exits 1', async () => {
    const validate = await runCli(['validate', 'batch'], dir);
    expect(validate.code).toBe(1);
    // Everything render refuses, validate reports first, the duplicate id included.
    for (const [name, { finding }] of Object.entries(bad)) expect(validate.stdout, name).toMatch(finding);
    expect(validate.stdout).not.toMatch(/^batch\/[az]-good\.md:\d+:\d+ error/m);
  });
});
