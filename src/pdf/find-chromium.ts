import { accessSync, constants, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';
import { WartaError } from '../errors.js';

/** Environment variables that name a browser, in the order they are honoured. */
export const chromiumEnvVars = ['WARTA_CHROMIUM', 'PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH'] as const;

/** What {@link findChromium} looks at; tests replace these, the defaults are the real ones. */
export interface ChromiumSearch {
  /** The operating system whose usual install paths are tried. */
  platform: NodeJS.Platform;
  /** True when an executable file is at `path`. */
  exists: (path: string) => boolean;
  /** The user's home folder (for ~/Applications and %LOCALAPPDATA%). */
  homedir: string;
  /**
   * Where the Chrome that puppeteer downloads lives: the build this puppeteer is pinned to first, then
   * any other Chrome build in puppeteer's cache. Loads puppeteer, so it is called only when nothing else
   * was found. May throw when puppeteer cannot say.
   */
  puppeteerChrome: () => readonly string[];
}

/** The value of an environment variable, its name matched without case as Windows does. */
function envValue(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const direct = env[name];
  if (direct !== undefined) return direct;
  const key = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : env[key];
}

/**
 * Where the operating system's packages and Chrome's, Chromium's and Edge's installers put the browser,
 * in the order they are tried. `.puppeteerrc.cjs` repeats this list (it runs at install time, before
 * warta is built); a test checks that the two agree.
 */
export function systemChromiumPaths(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home: string): string[] {
  if (platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium'];
    return ['/Applications', posix.join(home, 'Applications')].flatMap((dir) => apps.map((app) => posix.join(dir, app)));
  }
  if (platform === 'win32') {
    const roots = [
      envValue(env, 'PROGRAMFILES') || 'C:\\Program Files',
      envValue(env, 'PROGRAMFILES(X86)') || 'C:\\Program Files (x86)',
      envValue(env, 'LOCALAPPDATA') || win32.join(home, 'AppData', 'Local'),
    ];
    const exes = [
      'Google\\Chrome\\Application\\chrome.exe',
      'Chromium\\Application\\chrome.exe',
      'Microsoft\\Edge\\Application\\msedge.exe',
    ];
    return [...new Set(exes.flatMap((exe) => roots.map((root) => win32.join(root, exe))))];
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/lib/chromium/chromium',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/snap/bin/chromium',
  ];
}

function isExecutableFile(path: string): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

interface PuppeteerNodeLike {
  executablePath(): string;
  configuration?: { cacheDirectory?: string };
}
interface BrowsersLike {
  Cache: new (dir: string) => { getInstalledBrowsers(): { browser: string; platform: string; buildId: string; executablePath: string }[] };
  detectBrowserPlatform(): string | undefined;
}

/** Newest build first: "148.0.7778.97" before "131.0.6778.204". */
function byNewestBuild(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pb[i] ?? 0) - (pa[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

/**
 * The Chrome that puppeteer installs, as puppeteer itself computes it (its pinned build in the cache
 * folder its configuration names), then any other Chrome build in that cache, e.g. one that a newer
 * `npx puppeteer browsers install chrome` put there. Loaded with require, so this stays synchronous.
 */
function puppeteerChromePaths(): string[] {
  const require = createRequire(import.meta.url);
  const puppeteer = (require('puppeteer') as { default: PuppeteerNodeLike }).default;
  const pinned = puppeteer.executablePath();
  const cacheDir = puppeteer.configuration?.cacheDirectory;
  if (!cacheDir) return [pinned];
  try {
    const browsers = createRequire(require.resolve('puppeteer'))('@puppeteer/browsers') as BrowsersLike;
    const platform = browsers.detectBrowserPlatform();
    const others = new browsers.Cache(cacheDir)
      .getInstalledBrowsers()
      .filter((b) => b.browser === 'chrome' && b.platform === platform)
      .sort((a, b) => byNewestBuild(a.buildId, b.buildId))
      .map((b) => b.executablePath);
    return [...new Set([pinned, ...others])];
  } catch {
    return [pinned];
  }
}

/**
 * The browser to print with. In order: the first of {@link chromiumEnvVars} that is set (a path that
 * is not an executable is an error naming the variable); else the first of the platform's
 * {@link systemChromiumPaths} that exists; else the Chrome that puppeteer downloaded into its cache.
 * Throws a WartaError 'no-browser' (exit 2) listing every place looked at and how to get a browser.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, search: Partial<ChromiumSearch> = {}): string {
  const platform = search.platform ?? process.platform;
  const exists = search.exists ?? isExecutableFile;
  const home = search.homedir ?? homedir();
  const puppeteerChrome = search.puppeteerChrome ?? puppeteerChromePaths;

  for (const name of chromiumEnvVars) {
    const value = env[name];
    if (!value) continue;
    if (exists(value)) return value;
    throw new WartaError(
      'no-browser',
      `${name} is set to "${value}", but no executable browser is there; expected the path of a Chromium or Chrome binary`,
    );
  }

  const system = systemChromiumPaths(platform, env, home);
  const found = system.find(exists);
  if (found) return found;

  let cached: readonly string[] = [];
  let cacheProblem = '';
  try {
    cached = puppeteerChrome();
  } catch (error) {
    cacheProblem = (error as Error).message.split('\n')[0] ?? '';
  }
  const fromCache = cached.find(exists);
  if (fromCache) return fromCache;

  const cacheLines = cached.length
    ? cached.map((path) => `  ${path} (puppeteer's browser cache)`)
    : [`  puppeteer's browser cache (its path could not be computed: ${cacheProblem || 'no path given'})`];
  throw new WartaError(
    'no-browser',
    [
      'No Chromium or Chrome found for PDF output. Looked at:',
      `  ${chromiumEnvVars.join(', ')} (none is set)`,
      ...system.map((path) => `  ${path}`),
      ...cacheLines,
      'To fix it, do one of:',
      '  set WARTA_CHROMIUM to the path of a Chromium or Chrome binary;',
      '  on Debian or Ubuntu: sudo apt-get install chromium (or, in a clone of warta: bash scripts/setup.sh);',
      ...(platform === 'darwin' || platform === 'win32' ? ['  install Google Chrome (https://www.google.com/chrome/);'] : []),
      "  npx puppeteer browsers install chrome (downloads Chrome into puppeteer's cache).",
      'HTML output needs no browser: --format html.',
    ].join('\n'),
  );
}
