import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { frontMatterJsonSchema } from '../../src/log/front-matter-json-schema.js';
import { runCli, tempDir } from '../helpers.js';

const root = resolve(import.meta.dirname, '../..');
const fixtures = resolve(root, 'test/fixtures');

describe('warta.config.yaml', () => {
  it('sets the sender of the notice e-mail', async () => {
    const dir = tempDir('warta-config-');
    writeFileSync(join(dir, 'warta.config.yaml'), 'sender: "IT Helpdesk <helpdesk@contoh.example>"\n');
    const result = await runCli(['render', join(fixtures, 'valid'), '-d', 'notice', '-f', 'eml', '-o', 'out'], dir);
    expect(result.code, result.stderr).toBe(0);
    const { simpleParser } = await import('mailparser');
    const mail = await simpleParser(readFileSync(join(dir, 'out', 'small-change', 'notice.eml')));
    expect(mail.from?.value[0]).toMatchObject({ name: 'IT Helpdesk', address: 'helpdesk@contoh.example' });
    writeFileSync(join(dir, 'warta.config.yaml'), 'sender: "Helpdesk\\r\\nBcc: x@evil.example"\n');
    const bad = await runCli(['render', join(fixtures, 'valid'), '-d', 'notice', '-f', 'eml', '-o', 'out2'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/warta\.config\.yaml:1:9 error config\/sender sender: found/);
  });

  it('reports a wrong setting with file, line and column, and renders nothing', async () => {
    const dir = tempDir('warta-config-');
    writeFileSync(join(dir, 'warta.config.yaml'), 'organization: X\npaper:\n  size: B5\ncolors: { accent: red }\n');
    const result = await runCli(['render', join(fixtures, 'valid'), '-f', 'html', '-o', 'out'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^warta\.config\.yaml:3:9 error config\/paper paper\.size: found "B5"; expected one of A4, A5, A3, Letter, Legal, Tabloid$/m,
    );
    expect(result.stderr).toMatch(/^warta\.config\.yaml:4:19 error config\/colors colors\.accent: found "red"; expected a colour/m);
    expect(result.stderr).toContain('nothing was rendered');
  });

  it('gives logs its default languages and timezone; the log front matter wins over it', async () => {
    const dir = tempDir('warta-config-');
    writeFileSync(join(dir, 'warta.config.yaml'), 'timezone: Asia/Jakarta\nlanguages: [id]\n');
    writeFileSync(
      join(dir, 'a.md'),
      '---\ntitle: Tes\ntype: change\nstatus: completed\nwindow: { start: 2024-01-05T19:00, end: 2024-01-05T20:00 }\n---\n\n## Ringkasan\n\nSelesai.\n',
    );
    writeFileSync(
      join(dir, 'b.md'),
      '---\ntitle: Test\ntype: change\nstatus: completed\nlanguages: [en]\ntimezone: UTC\nwindow: { start: 2024-01-05T19:00, end: 2024-01-05T20:00 }\n---\n',
    );
    const result = await runCli(['render', 'a.md', 'b.md', '-f', 'html', '-d', 'report', '-o', 'out'], dir);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out', 'a', 'report.id.html'), 'utf8')).toContain('Jumat, 5 Januari 2024 pukul 19.00 – 20.00 WIB');
    expect(readFileSync(join(dir, 'out', 'b', 'report.en.html'), 'utf8')).toContain('Friday, 5 January 2024 at 19:00 – 20:00 UTC');
  });
});

describe('custom templates', () => {
  it('overrides one partial by name and keeps the others', async () => {
    const templates = tempDir('warta-tpl-');
    mkdirSync(join(templates, 'partials'));
    writeFileSync(
      join(templates, 'partials', 'signoff.hbs'),
      '<section class="signoff"><h2>Approved in the change board</h2><p>CAB-{{id}}</p></section>\n',
    );
    const out = tempDir();
    const result = await runCli(['render', join(fixtures, 'valid'), '-f', 'html', '-d', 'report', '-t', templates, '-o', out], root);
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(join(out, 'small-change', 'report.en.html'), 'utf8');
    expect(html).toContain('<h2>Approved in the change board</h2><p>CAB-small-change</p>');
    expect(html).not.toContain('<p class="signer-role">');
    expect(html).toContain('class="facts"');
  });
});

describe('JSON Schema of the front matter', () => {
  const frontMatter = (file: string) => parse(readFileSync(file, 'utf8').split(/^---$/m)[1] ?? '') as unknown;

  it('accepts every sample and rejects the broken logs the validator rejects', async () => {
    const ajvModule = await import('ajv/dist/2020.js');
    // ajv is CommonJS: its class is the default export's default under NodeNext.
    const Ajv2020 = (ajvModule.default as unknown as { default: typeof ajvModule.default }).default ?? ajvModule.default;
    const ajv = new (Ajv2020 as unknown as new (options: object) => import('ajv').default)({ strict: false, allErrors: true });
    const validate = ajv.compile(frontMatterJsonSchema());
    const { readdirSync } = await import('node:fs');
    for (const name of readdirSync(join(root, 'incidents'))) {
      expect(validate(frontMatter(join(root, 'incidents', name))), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(validate(frontMatter(join(fixtures, 'valid/small-change.md')))).toBe(true);
    for (const name of ['bad-date.md', 'wrong-status.md', 'no-title.md']) {
      expect(validate(frontMatter(join(fixtures, 'invalid', name))), name).toBe(false);
    }
  });

  it('is what `warta schema` prints', async () => {
    const result = await runCli(['schema'], root);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(frontMatterJsonSchema());
  });
});

describe('templates eject, completion', () => {
  it('copies the built-in templates and never overwrites', async () => {
    const dir = tempDir();
    const first = await runCli(['templates', 'eject', 'brand'], dir);
    expect(first.code).toBe(0);
    expect(readFileSync(join(dir, 'brand', 'report.hbs'), 'utf8')).toContain('{{> doc-header}}');
    writeFileSync(join(dir, 'brand', 'report.hbs'), 'mine');
    const second = await runCli(['templates', 'eject', 'brand'], dir);
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('nothing overwritten');
    expect(readFileSync(join(dir, 'brand', 'report.hbs'), 'utf8')).toBe('mine');
  });

  it('prints a shell completion script', async () => {
    const result = await runCli(['completion'], root);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('###-begin-warta-completions-###');
  });
});
