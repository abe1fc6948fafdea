import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers.js';

const root = resolve(import.meta.dirname, '../..');

describe('npm pack', () => {
  it('makes a package that installs in an empty folder and renders a sample there', () => {
    const packDir = tempDir('warta-pack-');
    const name = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', packDir], {
      cwd: root,
      encoding: 'utf8',
    })
      .trim()
      .split('\n')
      .pop() as string;
    const tarball = join(packDir, name);
    expect(existsSync(tarball)).toBe(true);
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
    for (const file of [
      'package/bin/warta.js',
      'package/dist/index.js',
      'package/dist/index.d.ts',
      'package/templates/report.hbs',
      'package/templates/locales/id.yaml',
      'package/README.md',
    ]) {
      expect(listing).toContain(file);
    }
    expect(listing).not.toMatch(/package\/(test|src|incidents|output)\//);

    const app = tempDir('warta-app-');
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
    const env = { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1', npm_config_audit: 'false', npm_config_fund: 'false' };
    execFileSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], {
      cwd: app,
      env,
      stdio: 'pipe',
    });
    copyFileSync(join(root, 'incidents', '2015-12-11-vcenter-upgrade-postponed.md'), join(app, 'seed.md'));
    execFileSync('npx', ['--no-install', 'warta', 'render', 'seed.md', '-o', 'out', '-q'], { cwd: app, env, stdio: 'pipe' });
    const files = readdirSync(join(app, 'out', 'seed'));
    expect(files).toContain('report.id.pdf');
    expect(files).toContain('notice.eml');

    // The README's API example, run as written: it reads incidents/ and prints a PDF with the system Chromium.
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const example = /<!-- api-example -->\s*```js\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    mkdirSync(join(app, 'incidents'));
    copyFileSync(
      join(root, 'incidents', '2015-12-11-vcenter-upgrade-postponed.md'),
      join(app, 'incidents', '2015-12-11-vcenter-upgrade-postponed.md'),
    );
    writeFileSync(join(app, 'example.mjs'), example as string);
    const printed = execFileSync(process.execPath, ['example.mjs'], { cwd: app, encoding: 'utf8', env });
    expect(printed).toMatch(/\d+ file\(s\) written, 0 failed/);
    expect(readdirSync(join(app, 'output', '2015-12-11-vcenter-upgrade-postponed'))).toEqual(
      expect.arrayContaining(['report.id.pdf', 'report.en.pdf', 'report.id.html']),
    );
    const notice = readFileSync(join(app, 'notice.html'), 'utf8');
    expect(notice).toContain('Server maintenance moved to Friday 18 December 2015');
    expect(notice).toContain('Pemeliharaan server dipindah ke Jumat, 18 Desember 2015');

    writeFileSync(
      join(app, 'api.mjs'),
      "import { loadLog, renderDocument } from 'warta';\nconst { log } = loadLog('seed.md');\nprocess.stdout.write(renderDocument(log, 'report', { langs: ['en'] }).includes('vCenter 6 upgrade postponed') ? 'ok' : 'missing');\n",
    );
    expect(execFileSync(process.execPath, ['api.mjs'], { cwd: app, encoding: 'utf8' })).toBe('ok');
  }, 300_000);
});
