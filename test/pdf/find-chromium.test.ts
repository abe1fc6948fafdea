import { execFileSync } from 'node:child_process';
import { constants, existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import path, { resolve } from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { isWartaError, type WartaError } from '../../src/errors.js';
import { chromiumEnvVars, findChromium, systemChromiumPaths, type ChromiumSearch } from '../../src/pdf/find-chromium.js';

const root = resolve(import.meta.dirname, '../..');
const cachedChrome = '/home/ann/.cache/puppeteer/chrome/linux-148.0.7778.97/chrome-linux64/chrome';

/** A search over a fake disk holding only `present`, which records every path it was asked about. */
function fakeSearch(present: readonly string[], overrides: Partial<ChromiumSearch> = {}) {
  const asked: string[] = [];
  let puppeteerCalls = 0;
  const search: Partial<ChromiumSearch> = {
    platform: 'linux',
    homedir: '/home/ann',
    exists: (p) => {
      asked.push(p);
      return present.includes(p);
    },
    puppeteerChrome: () => {
      puppeteerCalls++;
      return [cachedChrome];
    },
    ...overrides,
  };
  return { search, asked, puppeteerCalls: () => puppeteerCalls };
}

function errorOf(run: () => unknown): WartaError {
  try {
    run();
  } catch (error) {
    if (isWartaError(error, 'no-browser')) return error;
    throw error;
  }
  throw new Error('expected a no-browser error');
}

describe('findChromium: environment variables', () => {
  it('takes WARTA_CHROMIUM first, before every other variable and path', () => {
    const { search, puppeteerCalls } = fakeSearch(['/opt/mine/chrome', '/opt/pptr/chrome', '/usr/bin/chromium']);
    const env = { WARTA_CHROMIUM: '/opt/mine/chrome', PUPPETEER_EXECUTABLE_PATH: '/opt/pptr/chrome' };
    expect(findChromium(env, search)).toBe('/opt/mine/chrome');
    expect(puppeteerCalls()).toBe(0);
  });

  it('takes PUPPETEER_EXECUTABLE_PATH when WARTA_CHROMIUM is not set (or empty)', () => {
    const { search } = fakeSearch(['/opt/pptr/chrome', '/usr/bin/chromium']);
    expect(findChromium({ WARTA_CHROMIUM: '', PUPPETEER_EXECUTABLE_PATH: '/opt/pptr/chrome' }, search)).toBe('/opt/pptr/chrome');
  });

  it('takes CHROME_PATH after the other two', () => {
    const { search } = fakeSearch(['/opt/chrome-path/chrome', '/usr/bin/chromium']);
    expect(findChromium({ CHROME_PATH: '/opt/chrome-path/chrome' }, search)).toBe('/opt/chrome-path/chrome');
  });

  it.each(chromiumEnvVars)('stops with an error naming %s when it points at nothing', (name) => {
    const { search } = fakeSearch(['/usr/bin/chromium']);
    const error = errorOf(() => findChromium({ [name]: '/nope/chrome' }, search));
    expect(error.message).toContain(`${name} is set to "/nope/chrome"`);
  });
});

describe('findChromium: system paths', () => {
  it.each([
    ['/usr/bin/chromium'],
    ['/usr/bin/chromium-browser'],
    ['/usr/bin/google-chrome-stable'],
    ['/usr/bin/google-chrome'],
    ['/snap/bin/chromium'],
  ])('finds %s on Linux', (browser) => {
    const { search, puppeteerCalls } = fakeSearch([browser, cachedChrome]);
    expect(findChromium({}, search)).toBe(browser);
    expect(puppeteerCalls()).toBe(0);
  });

  it('prefers Debian chromium over Google Chrome over the snap on Linux', () => {
    const { search } = fakeSearch(['/snap/bin/chromium', '/usr/bin/google-chrome', '/usr/bin/chromium']);
    expect(findChromium({}, search)).toBe('/usr/bin/chromium');
  });

  it.each([
    ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
    ['/Applications/Chromium.app/Contents/MacOS/Chromium'],
    ['/Users/ann/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
    ['/Users/ann/Applications/Chromium.app/Contents/MacOS/Chromium'],
  ])('finds %s on macOS', (browser) => {
    const { search } = fakeSearch([browser], { platform: 'darwin', homedir: '/Users/ann' });
    expect(findChromium({}, search)).toBe(browser);
  });

  const windowsEnv = {
    ProgramFiles: 'C:\\Program Files',
    'ProgramFiles(x86)': 'C:\\Program Files (x86)',
    LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local',
  };
  it.each([
    ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'],
    ['C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe'],
    ['C:\\Users\\ann\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe'],
    ['C:\\Program Files\\Chromium\\Application\\chrome.exe'],
    ['C:\\Users\\ann\\AppData\\Local\\Chromium\\Application\\chrome.exe'],
    ['C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe'],
    ['C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe'],
  ])('finds %s on Windows', (browser) => {
    const { search } = fakeSearch([browser], { platform: 'win32', homedir: 'C:\\Users\\ann' });
    expect(findChromium(windowsEnv, search)).toBe(browser);
  });

  it('prefers Chrome over Edge on Windows (Edge comes with Windows)', () => {
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    const chrome = 'C:\\Users\\ann\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    const { search } = fakeSearch([edge, chrome], { platform: 'win32', homedir: 'C:\\Users\\ann' });
    expect(findChromium(windowsEnv, search)).toBe(chrome);
  });

  it('uses the default Windows folders when the variables are missing', () => {
    expect(systemChromiumPaths('win32', {}, 'C:\\Users\\bo')).toContain(
      'C:\\Users\\bo\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe',
    );
    expect(systemChromiumPaths('win32', {}, 'C:\\Users\\bo')).toContain('C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe');
  });
});

describe("findChromium: puppeteer's Chrome", () => {
  it('takes the Chrome in puppeteer’s cache when no system browser is found, and only then asks puppeteer', () => {
    const { search, asked, puppeteerCalls } = fakeSearch([cachedChrome]);
    expect(findChromium({}, search)).toBe(cachedChrome);
    expect(puppeteerCalls()).toBe(1);
    expect(asked).toEqual([...systemChromiumPaths('linux', {}, '/home/ann'), cachedChrome]);
  });

  it('takes another Chrome build in the cache when the pinned one is missing', () => {
    const other = '/home/ann/.cache/puppeteer/chrome/linux-150.0.1.2/chrome-linux64/chrome';
    const { search } = fakeSearch([other], { puppeteerChrome: () => [cachedChrome, other] });
    expect(findChromium({}, search)).toBe(other);
  });

  it('computes the path with puppeteer itself by default (its pinned build under its cache folder)', () => {
    const puppeteer = createRequire(import.meta.url)('puppeteer') as { executablePath(): string };
    const { search, asked } = fakeSearch([]);
    delete search.puppeteerChrome;
    errorOf(() => findChromium({}, search));
    expect(asked).toContain(puppeteer.executablePath());
  });
});

describe('findChromium: nothing found', () => {
  it.each([
    ['linux', '/home/ann'],
    ['darwin', '/Users/ann'],
    ['win32', 'C:\\Users\\ann'],
  ] as const)('on %s, names every place looked at and how to fix it', (platform, home) => {
    const { search, asked } = fakeSearch([], { platform, homedir: home });
    const error = errorOf(() => findChromium({}, search));
    expect(error.code).toBe('no-browser');
    for (const name of chromiumEnvVars) expect(error.message).toContain(name);
    expect(asked.length).toBeGreaterThan(3);
    for (const place of asked) expect(error.message).toContain(place);
    expect(error.message).toContain("puppeteer's browser cache");
    expect(error.message).toContain('set WARTA_CHROMIUM');
    expect(error.message).toContain('sudo apt-get install chromium');
    expect(error.message).toContain('npx puppeteer browsers install chrome');
  });

  it('still names puppeteer’s cache when puppeteer cannot compute its path', () => {
    const { search } = fakeSearch([], {
      puppeteerChrome: () => {
        throw new Error('Cannot find module puppeteer');
      },
    });
    expect(errorOf(() => findChromium({}, search)).message).toContain('could not be computed: Cannot find module puppeteer');
  });
});

describe('.puppeteerrc.cjs', () => {
  /** Runs the rc file on a fake disk and platform; returns its config and the paths it looked at. */
  function runRc(platform: NodeJS.Platform, env: Record<string, string>, home: string, present: readonly string[] = []) {
    const asked: string[] = [];
    const fakeFs = {
      constants,
      statSync: (p: string) => {
        asked.push(p);
        if (!present.includes(p)) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
        return { isFile: () => true };
      },
      accessSync: () => undefined,
    };
    const modules: Record<string, unknown> = { 'node:fs': fakeFs, 'node:os': { homedir: () => home }, 'node:path': path };
    const module = { exports: {} as unknown };
    const logged: string[] = [];
    runInNewContext(readFileSync(resolve(root, '.puppeteerrc.cjs'), 'utf8'), {
      module,
      exports: module.exports,
      require: (id: string) => modules[id],
      process: { platform, env },
      console: { log: (line: string) => logged.push(line) },
    });
    return { config: module.exports, asked, logged };
  }

  const homes = { linux: '/home/ann', darwin: '/Users/ann', win32: 'C:\\Users\\ann' } as const;
  it.each(Object.entries(homes))('looks at the same system paths as findChromium on %s', (platform, home) => {
    const env: Record<string, string> =
      platform === 'win32' ? { ProgramFiles: 'D:\\Apps', LOCALAPPDATA: 'C:\\Users\\ann\\AppData\\Local' } : {};
    const { asked, config } = runRc(platform as NodeJS.Platform, env, home);
    expect(asked).toEqual(systemChromiumPaths(platform as NodeJS.Platform, env, home));
    expect(config).toEqual({ 'chrome-headless-shell': { skipDownload: true } });
  });

  it('skips the download when a system browser is found, and says so during puppeteer’s postinstall', () => {
    const { config, logged } = runRc('linux', { npm_lifecycle_event: 'postinstall', npm_package_name: 'puppeteer' }, '/home/ann', [
      '/usr/bin/google-chrome',
    ]);
    expect(config).toEqual({ skipDownload: true });
    expect(logged.join('\n')).toContain('/usr/bin/google-chrome');
  });

  it('skips the download when WARTA_CHROMIUM names a browser', () => {
    const { config } = runRc('linux', { WARTA_CHROMIUM: '/opt/c/chrome' }, '/home/ann', ['/opt/c/chrome']);
    expect(config).toEqual({ skipDownload: true });
  });

  it('is what puppeteer reads at install time (from node_modules/puppeteer upwards)', () => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.PUPPETEER_SKIP_DOWNLOAD;
    delete env.PUPPETEER_EXECUTABLE_PATH;
    const script = "const c = require('puppeteer/internal/getConfiguration.js').getConfiguration(); console.log(JSON.stringify(c.chrome))";
    const chrome = JSON.parse(
      execFileSync(process.execPath, ['-e', script], { cwd: resolve(root, 'node_modules/puppeteer'), env, encoding: 'utf8' }),
    ) as { skipDownload?: boolean };
    const hasSystem = [env.WARTA_CHROMIUM, env.CHROME_PATH, ...systemChromiumPaths(process.platform, env, homedir())].some(
      (p) => !!p && existsSync(p),
    );
    expect(chrome.skipDownload ?? false).toBe(hasSystem);
  });
});
