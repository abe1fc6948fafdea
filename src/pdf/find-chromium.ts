import { accessSync, constants } from 'node:fs';
import { WartaError } from '../errors.js';

/** Environment variables that name a browser, in the order they are honoured. */
export const chromiumEnvVars = ['WARTA_CHROMIUM', 'PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH'] as const;

/** Where Debian, Ubuntu, Fedora, macOS and Chrome's own packages put the browser. */
export const chromiumCandidates = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/lib/chromium/chromium',
  '/snap/bin/chromium',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * The system Chromium to print with: the first of the environment variables that is set, else the
 * first usual install path that exists. Throws a WartaError (exit 2) saying how to install one.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string {
  for (const name of chromiumEnvVars) {
    const value = env[name];
    if (!value) continue;
    if (isExecutable(value)) return value;
    throw new WartaError(
      'no-browser',
      `${name} is set to "${value}", but no executable browser is there; expected the path of a Chromium or Chrome binary`,
    );
  }
  const found = chromiumCandidates.find(isExecutable);
  if (found) return found;
  throw new WartaError(
    'no-browser',
    [
      'No Chromium found for PDF output.',
      `Looked in: ${chromiumCandidates.join(', ')}.`,
      'Install it with "sudo apt-get install chromium" (Debian, Ubuntu) or run "bash scripts/setup.sh",',
      'or set WARTA_CHROMIUM to a Chromium or Chrome binary. HTML output needs no browser: --format html.',
    ].join('\n'),
  );
}
