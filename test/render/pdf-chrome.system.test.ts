/** A confidentiality line in the report's PDF footer, from the user's templates, and not on the public notice. */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers.js';

describe('pdf-footer-report.hbs', () => {
  it('puts its line on every page of the report PDF, and the notice keeps warta’s footer', async () => {
    const cwd = tempDir('warta-chrome-pdf-');
    mkdirSync(join(cwd, 'brand', 'partials'), { recursive: true });
    writeFileSync(
      join(cwd, 'brand', 'partials', 'pdf-footer-report.hbs'),
      '<div style="{{style.bar}}"><span style="{{style.clip}}">RAHASIA / CONFIDENTIAL · {{footer}}</span><span style="white-space:nowrap">{{{pageOf}}}</span></div>',
    );
    copyFileSync(resolve(import.meta.dirname, '../../incidents/2015-12-11-vcenter-upgrade-postponed.md'), join(cwd, 'seed.md'));
    const run = await runCli(['render', 'seed.md', '-t', 'brand', '-d', 'report,notice', '-l', 'id', '-f', 'pdf', '-q'], cwd);
    expect(run.code, run.stderr).toBe(0);
    const text = (name: string) => execFileSync('pdftotext', ['-layout', join(cwd, 'output', 'seed', name), '-'], { encoding: 'utf8' });
    const report = text('report.id.pdf');
    const pages = report.split('\f').filter((page) => page.trim() !== '');
    expect(pages.length).toBeGreaterThan(1);
    for (const page of pages) expect(page).toMatch(/RAHASIA \/ CONFIDENTIAL · seed\s+Halaman \d+ dari \d+/);
    const notice = text('notice.id.pdf');
    expect(notice).not.toContain('RAHASIA');
    expect(notice).toMatch(/seed\s+Halaman 1 dari \d+/);
  }, 120_000);
});
