/**
 * warta preview in a real browser: a changed log is rebuilt and the open page reloads. Serving,
 * refusals and stopping are in preview.test.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../archive/sample-archive.js';
import { startPreviewSession, type PreviewSession } from './preview-session.js';

const logName = '2024-03-05-payment-api-outage.md';
let session: PreviewSession;

beforeAll(async () => {
  session = await startPreviewSession();
}, 60_000);

afterAll(async () => {
  await session.stop();
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
      await page.goto(`${session.base}2024-03-05-payment-api-outage/index.html`, { waitUntil: 'load' });
      await session.until('the event stream', async () => ((await page.$('html[data-stream="open"]')) ? true : undefined));
      const file = join(session.cwd, 'incidents', logName);
      const reloaded = page.waitForNavigation({ timeout: 20_000 });
      writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Card payments failed after release v4.18.0'));
      await reloaded;
      expect(await page.$eval('h1', (h) => h.textContent)).toBe('Card payments failed after release v4.18.0');
      expect(problems).toEqual([]);
      const index = await session.until('the rebuilt index', async () => {
        const html = await (await fetch(session.base)).text();
        return html.includes('Card payments failed after release v4.18.0') ? html : undefined;
      });
      expect(index).not.toContain('Card payments timing out');
      expect(session.output.stdout).toMatch(/built incidents\/2024-03-05-payment-api-outage\.md in \d+ ms/);

      // A log broken while its page is open: the problem shows over the page, and goes when fixed.
      const good = readFileSync(file, 'utf8');
      const brokenReload = page.waitForNavigation({ timeout: 20_000 });
      writeFileSync(file, good.replace(/^type: .*$/m, 'type: incidnet'));
      await brokenReload;
      const overlay = await session.until('the problems overlay', async () =>
        (await page.$('#warta-problems')) ? page.$eval('#warta-problems', (box) => box.textContent) : undefined,
      );
      expect(overlay).toContain(`incidents/${logName}`);
      expect(overlay).toMatch(/incidnet/);
      expect(await page.$eval('h1', (h) => h.textContent)).toBe('Card payments failed after release v4.18.0');
      const fixedReload = page.waitForNavigation({ timeout: 20_000 });
      writeFileSync(file, good);
      await fixedReload;
      await session.until('the stream after the fix', async () => ((await page.$('html[data-stream="open"]')) ? true : undefined));
      await new Promise((r) => setTimeout(r, 300));
      expect(await page.$('#warta-problems')).toBeNull();
      expect(problems).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
