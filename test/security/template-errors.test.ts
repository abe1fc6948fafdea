/**
 * Errors in user-supplied templates (`--templates`, or the config's templates folder) name the
 * template file and line, before any log is rendered, and stop the run with exit 2 and no stack
 * trace: syntax errors, mismatched blocks and partials that do not exist.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTemplates } from '../../src/render/load-templates.js';
import { logText, runCli, tempDir } from '../helpers.js';

/** A templates folder holding `files` (paths relative to it). */
function templates(files: Record<string, string>): string {
  const dir = tempDir('warta-templates-');
  mkdirSync(join(dir, 'partials'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

/** The error loadTemplates throws for a folder, as `{ code, message }` with the folder shown as `<dir>`. */
function loadError(dir: string): { code?: string; message: string } {
  try {
    loadTemplates([dir]);
  } catch (error) {
    return { code: (error as { code?: string }).code, message: (error as Error).message.split(dir).join('<dir>') };
  }
  throw new Error('expected loadTemplates to refuse the templates');
}

describe('a syntax error in a template names its file and line', () => {
  it.each([
    ['an unfinished expression', { 'report.hbs': '<p>\n{{title\n' }, /^<dir>\/report\.hbs:2: template error: Expecting .*got 'EOF'/],
    ['a bad hash argument', { 'report.hbs': 'a\n{{foo bar=}}\n' }, /^<dir>\/report\.hbs:2: template error: Expecting /],
    [
      'a closing tag without its block',
      { 'notice.hbs': 'x\n\n{{/if}}\n' },
      /^<dir>\/notice\.hbs:3: template error: Expecting 'EOF', got 'OPEN_ENDBLOCK'/,
    ],
    ['a syntax error in a partial', { 'partials/facts.hbs': 'ok\n{{#if}\n' }, /^<dir>\/partials\/facts\.hbs:2: template error: /],
  ])('%s', (_, files, expected) => {
    const error = loadError(templates(files));
    expect(error.code).toBe('templates');
    expect(error.message).toMatch(expected);
  });

  it('the CLI stops before rendering: exit 2, file and line, no stack trace', async () => {
    const dir = tempDir('warta-templates-');
    writeFileSync(join(dir, 'log.md'), logText('title: T\ntype: change\nstatus: completed'));
    const tpl = templates({ 'report.hbs': '<p>\n\n{{title\n' });
    const result = await runCli(['render', 'log.md', '-t', tpl, '-f', 'html', '-o', 'out'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(tpl, 'report.hbs')}:3: template error:`);
    expect(result.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
    expect(result.stdout).not.toMatch(/wrote /);
  });
});

describe('errors Handlebars reports without "line N", and missing partials', () => {
  // enable when load-templates reports file and line
  it.each([
    [
      'a block closed by another block',
      { 'report.hbs': 'a\n\n{{#if x}}\n{{/each}}\n' },
      /^<dir>\/report\.hbs:3: template error: if doesn't match each$/,
    ],
    [
      'a mismatched block in a partial',
      { 'partials/facts.hbs': 'ok\n\n{{#each items}}{{/if}}' },
      /^<dir>\/partials\/facts\.hbs:3: template error: each doesn't match if$/,
    ],
    [
      'a missing partial in a document',
      { 'report.hbs': '<main>\n\n{{> nope}}\n</main>\n' },
      /^<dir>\/report\.hbs:3: template error: partial "nope" not found; expected partials\/nope\.hbs in /,
    ],
    [
      'a missing partial in a partial',
      { 'partials/facts.hbs': '<dl>\n{{#each facts}}\n  {{> fact-row}}\n{{/each}}\n</dl>\n' },
      /^<dir>\/partials\/facts\.hbs:3: template error: partial "fact-row" not found; expected partials\/fact-row\.hbs in /,
    ],
  ])('%s', (_, files, expected) => {
    const error = loadError(templates(files));
    expect(error.code).toBe('templates');
    expect(error.message).toMatch(expected);
  });

  // enable when load-templates reports file and line
  it('accepts partials it can see: its own, built-in, inline, @partial-block and blocks with a fallback', () => {
    const dir = templates({
      'partials/row.hbs': '<tr></tr>',
      'report.hbs': [
        '{{#> layout}}',
        '{{> doc-header}}{{> row}}',
        '{{#*inline "local"}}x{{/inline}}{{> local}}',
        '{{#> maybe-missing}}fallback{{/maybe-missing}}',
        '{{> (lookup . "dynamic")}}',
        '{{/layout}}',
      ].join('\n'),
    });
    expect(() => loadTemplates([dir])).not.toThrow();
  });

  // enable when load-templates reports file and line
  it('the CLI names a missing partial before rendering anything (exit 2)', async () => {
    const dir = tempDir('warta-templates-');
    writeFileSync(join(dir, 'log.md'), logText('title: T\ntype: change\nstatus: completed'));
    const tpl = templates({ 'notice.hbs': '{{#> layout}}\n{{> missing-partial}}\n{{/layout}}\n' });
    const result = await runCli(['render', 'log.md', '-t', tpl, '-f', 'html', '-o', 'out'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${join(tpl, 'notice.hbs')}:2: template error: partial "missing-partial" not found`);
    expect(result.stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
  });
});
