/**
 * Customisation whose effect shows in the PDF (paper size, logo, a new document kind, a new
 * language): these print with Chromium and read the result with poppler (pdfinfo, pdfimages,
 * pdftotext). The rest of the customisation tests are in customize.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers.js';

const root = resolve(import.meta.dirname, '../..');
const fixtures = resolve(root, 'test/fixtures');
const seed = join(root, 'incidents', '2015-12-11-vcenter-upgrade-postponed.md');

/** A solid red PNG, made by hand so the test needs no image library. */
function redPng(width = 40, height = 20): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([200, 30, 30]))]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('warta.config.yaml', () => {
  it('changes logo, colours and paper size, and the PDF shows it', async () => {
    const dir = tempDir('warta-config-');
    cpSync(seed, join(dir, 'incidents', 'seed.md'), { recursive: true });
    writeFileSync(join(dir, 'logo.png'), redPng());
    writeFileSync(
      join(dir, 'warta.config.yaml'),
      [
        'organization: Contoh Group',
        'logo: logo.png',
        'colors:',
        '  accent: "#c0392b"',
        'paper:',
        '  size: Letter',
        '  margin: { top: 25mm, bottom: 20mm }',
        'output: build',
        'documents: [report]',
        'formats: [html, pdf]',
      ].join('\n'),
    );
    const result = await runCli(['render', 'incidents', '-l', 'en'], dir);
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(join(dir, 'build', 'seed', 'report.en.html'), 'utf8');
    expect(html).toContain('--accent: #c0392b;');
    expect(html).toMatch(/<img class="logo" src="data:image\/png;base64,[A-Za-z0-9+/=]{40,}"/);
    const pdf = join(dir, 'build', 'seed', 'report.en.pdf');
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Page size:\s+612 x 792 pts \(letter\)/);
    expect(execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' })).toMatch(/\n\s+1\s+\d+\s+image\s+40\s+20\s/);
  });
});

describe('custom templates', () => {
  it('adds a new document kind by adding a template, rendered in every language', async () => {
    const templates = tempDir('warta-tpl-');
    mkdirSync(join(templates, 'locales'));
    writeFileSync(
      join(templates, 'status-update.hbs'),
      '{{#> layout}}{{> doc-header}}<section><h2>{{t "update.now"}}</h2><p>{{statusLabel}} · {{#each facts}}{{label}}: {{value}}; {{/each}}</p></section>{{/layout}}\n',
    );
    writeFileSync(join(templates, 'locales', 'en.yaml'), 'labels:\n  doc.status-update: Status update\n  update.now: Where we are now\n');
    writeFileSync(join(templates, 'locales', 'id.yaml'), 'labels:\n  doc.status-update: Kabar terkini\n  update.now: Posisi saat ini\n');
    const out = tempDir();
    const result = await runCli(
      ['render', join(fixtures, 'valid'), '-f', 'html,pdf', '-d', 'status-update', '-t', templates, '-o', out],
      root,
    );
    expect(result.code, result.stderr).toBe(0);
    const id = execFileSync('pdftotext', [join(out, 'small-change', 'status-update.id.pdf'), '-'], { encoding: 'utf8' });
    expect(id).toContain('Kabar terkini');
    expect(id).toContain('Posisi saat ini');
    expect(id.replace(/\s+/g, ' ')).toContain('Jumat, 2 Februari 2024');
    const en = readFileSync(join(out, 'small-change', 'status-update.en.html'), 'utf8');
    expect(en).toContain('Where we are now');
    expect(en).toContain('Status update');
  });

  it('a language that is not built in is one locale file away', async () => {
    const templates = tempDir('warta-tpl-');
    mkdirSync(join(templates, 'locales'));
    writeFileSync(
      join(templates, 'locales', 'nl.yaml'),
      [
        'name: Nederlands',
        'intl: nl-NL',
        'sections:',
        '  summary: [Samenvatting]',
        '  timeline: [Tijdlijn]',
        '  next-steps: [Volgende stappen]',
        'labels:',
        '  doc.report: Managementrapport',
        '  section.timeline: Tijdlijn',
        '  fact.planned: Gepland venster',
        '  heading.whatHappened: Wat er gebeurde',
        '  heading.whatsNext: Wat er nu gebeurt',
        '  page.of: "Pagina {page} van {pages}"',
      ].join('\n'),
    );
    const dir = tempDir('warta-nl-');
    writeFileSync(
      join(dir, 'nl.md'),
      [
        '---',
        'title: Onderhoud mailserver',
        'type: maintenance',
        'status: completed',
        'languages: [nl]',
        'timezone: Europe/Amsterdam',
        'window: { start: 2024-12-03T21:00, end: 2024-12-03T23:00 }',
        '---',
        '',
        '## Samenvatting',
        '',
        'De mailserver is bijgewerkt.',
        '',
        '## Tijdlijn',
        '',
        '- 21:00 — Begonnen.',
        '- 22:30 — Klaar.',
        '',
        '## Volgende stappen',
        '',
        'Niets meer te doen.',
      ].join('\n'),
    );
    const refused = await runCli(['validate', 'nl.md'], dir);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('no locale for "nl"');
    const accepted = await runCli(['validate', 'nl.md', '-t', templates], dir);
    expect(accepted.code, accepted.stdout).toBe(0);
    const result = await runCli(['render', 'nl.md', '-d', 'report', '-f', 'pdf', '-t', templates, '-o', 'out'], dir);
    expect(result.code, result.stderr).toBe(0);
    const text = execFileSync('pdftotext', [join(dir, 'out', 'nl', 'report.nl.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Managementrapport');
    expect(text).toContain('dinsdag 3 december 2024');
    expect(text).toContain('GEPLAND VENSTER');
    expect(text).toContain('De mailserver is bijgewerkt.');
    expect(text).toContain('Pagina 1 van');
    expect(text).toMatch(/Tijdlijn[\s\S]*22:30[\s\S]*Klaar\./);
  });
});
