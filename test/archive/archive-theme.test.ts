/** The archive wears the config's branding: its colours, logo and organization, in its first language. */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './sample-archive.js';
import { runCli, tempDir } from '../helpers.js';

const logo = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#0f766e"/></svg>';

async function renderWith(config: string): Promise<string> {
  const cwd = tempDir('warta-theme-');
  cpSync(join(root, 'incidents'), join(cwd, 'incidents'), { recursive: true });
  writeFileSync(join(cwd, 'logo.svg'), logo);
  writeFileSync(join(cwd, 'warta.config.yaml'), config);
  const run = await runCli(['render', 'incidents', '-f', 'html', '-q'], cwd);
  expect(run.code, run.stderr).toBe(0);
  return cwd;
}

describe('the archive themed by the config', () => {
  it('uses the config’s colours, logo and organization, with labels in its first language', async () => {
    const cwd = await renderWith(
      'organization: PT Maju Bersama\nlogo: logo.svg\ncolors: { accent: "#0f766e" }\nlanguages: [id, en]\ntimezone: Asia/Jakarta\n',
    );
    for (const page of ['index.html', 'actions.html', 'lessons.html', join('2024-03-05-payment-api-outage', 'index.html')]) {
      const html = readFileSync(join(cwd, 'output', page), 'utf8');
      expect(html, page).toContain('--accent: #0f766e;');
      expect(html, page).toMatch(/<img class="site-logo" src="data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+"/);
      expect(html, page).toContain('<span class="site-org">PT Maju Bersama</span>');
      expect(html, page).toMatch(/<html lang="id"/);
      expect(html, page).toContain('Arsip insiden');
    }
  });

  it('stays in English and warta’s colours without a config that says otherwise', async () => {
    const cwd = await renderWith('timezone: Asia/Jakarta\n');
    const html = readFileSync(join(cwd, 'output', 'index.html'), 'utf8');
    expect(html).toMatch(/<html lang="en"/);
    expect(html).not.toContain('<img class="site-logo"');
    expect(html).not.toMatch(/:root \{ --accent: #0f766e/);
  });
});
