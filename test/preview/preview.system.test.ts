/**
 * warta preview in a real browser: a changed log is rebuilt and the open page reloads. Serving,
 * refusals and stopping are in preview.test.ts.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, type CliIO } from '../../src/cli/main.js';
import { tempDir } from '../helpers.js';
import { launchChromium, root } from '../archive/sample-archive.js';

const logName = '2024-03-05-payment-api-outage.md';
let cwd: string;
let stdout = '';
let stderr = '';
let stop: AbortController;
let running: Promise<number>;
let base: string;

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; stdout: ${stdout}; stderr: ${stderr}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  cwd = tempDir('warta-preview-');
  cpSync(join(root, 'incidents'), join(cwd, 'incidents'), { recursive: true });
  stop = new AbortController();
  const io: CliIO = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd, signal: stop.signal };
  running = main(['preview', 'incidents', '--out', 'site', '--port', '0'], io);
  base = await until('the server', async () => /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)?.[1]);
}, 60_000);

afterAll(async () => {
  stop?.abort();
  await running;
});

describe('warta preview (in-process)', () => {
  it('rebuilds a changed log and reloads the open page, without a restart', async () => {
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      // Notes when the page's event stream is open, so the change below cannot happen before it listens.
      await page.evaluateOnNewDocument(() => {
        const Original = window.EventSource;
        window.EventSource = class extends Original {
          constructor(url: string | URL, init?: EventSourceInit) {
            super(url, init);
            this.addEventListener('open', () => document.documentElement.setAttribute('data-stream', 'open'));
          }
        };
      });
      await page.goto(`${base}2024-03-05-payment-api-outage/index.html`, { waitUntil: 'load' });
      await until('the event stream', async () => ((await page.$('html[data-stream="open"]')) ? true : undefined));
      const file = join(cwd, 'incidents', logName);
      const reloaded = page.waitForNavigation({ timeout: 20_000 });
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Card payments failed after release v4.18.0'));
      await reloaded;
      expect(await page.$eval('h1', (h) => h.textContent)).toBe('Card payments failed after release v4.18.0');
      expect(problems).toEqual([]);
      const index = await until('the rebuilt index', async () => {
        const html = await (await fetch(base)).text();
        return html.includes('Card payments failed after release v4.18.0') ? html : undefined;
      });
      expect(index).not.toContain('Card payments timing out');
      expect(stdout).toMatch(/built incidents\/2024-03-05-payment-api-outage\.md in \d+ ms/);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
