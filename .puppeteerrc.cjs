// Puppeteer's configuration for warta, read by puppeteer's postinstall (it looks from
// node_modules/puppeteer upwards, so it finds this file in a clone and in a global install of warta)
// and whenever puppeteer is loaded below this folder.
//
// warta prints with a system Chromium or Chrome when there is one (src/pdf/find-chromium.ts), so
// puppeteer's own Chrome download, which needs the network, is skipped when one is found, and
// `npm ci` works offline. Without one, puppeteer downloads Chrome as usual, and warta uses it.
// PUPPETEER_SKIP_DOWNLOAD=1 skips the download in any case (puppeteer lets it override this file).
// warta never uses chrome-headless-shell, so that download is always skipped.
//
// The paths repeat systemChromiumPaths() in src/pdf/find-chromium.ts: this file runs at install
// time, before warta is built. test/pdf/find-chromium.test.ts checks that the two lists agree.
'use strict';

const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

function envValue(env, name) {
  const key = Object.keys(env).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? undefined : env[key];
}

function systemChromiumPaths(platform, env, home) {
  if (platform === 'darwin') {
    const apps = ['Google Chrome.app/Contents/MacOS/Google Chrome', 'Chromium.app/Contents/MacOS/Chromium'];
    return ['/Applications', path.posix.join(home, 'Applications')].flatMap((dir) => apps.map((app) => path.posix.join(dir, app)));
  }
  if (platform === 'win32') {
    const roots = [
      envValue(env, 'PROGRAMFILES') || 'C:\\Program Files',
      envValue(env, 'PROGRAMFILES(X86)') || 'C:\\Program Files (x86)',
      envValue(env, 'LOCALAPPDATA') || path.win32.join(home, 'AppData', 'Local'),
    ];
    const exes = [
      'Google\\Chrome\\Application\\chrome.exe',
      'Chromium\\Application\\chrome.exe',
      'Microsoft\\Edge\\Application\\msedge.exe',
    ];
    return [...new Set(exes.flatMap((exe) => roots.map((root) => path.win32.join(root, exe))))];
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

function isExecutableFile(file) {
  try {
    if (!fs.statSync(file).isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const env = process.env;
const candidates = [env.WARTA_CHROMIUM, env.CHROME_PATH, ...systemChromiumPaths(process.platform, env, os.homedir())].filter(Boolean);
const browser = candidates.find(isExecutableFile);

if (browser && env.npm_lifecycle_event === 'postinstall' && env.npm_package_name === 'puppeteer') {
  console.log(`warta: using the browser at ${browser}; skipping puppeteer's Chrome download (.puppeteerrc.cjs)`);
}

module.exports = browser ? { skipDownload: true } : { 'chrome-headless-shell': { skipDownload: true } };
