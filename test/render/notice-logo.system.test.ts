/** A long notice title beside a logo: balanced lines in a column of its own, never wrapped around the logo. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer';
import { renderDocument } from '../../src/api/render-document.js';
import { launchChromium } from '../archive/sample-archive.js';
import { loadText } from '../helpers.js';

const logo = `data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40"><rect width="120" height="40" fill="#0f766e"/></svg>').toString('base64')}`;
const log = loadText(`---
title:
  id: Pemeliharaan jaringan kantor pusat dan seluruh kantor cabang di Jawa Barat serta Banten
  en: Network maintenance at head office and every branch office in West Java and Banten
type: maintenance
status: scheduled
languages: [id, en]
timezone: Asia/Jakarta
organization: PT Maju Bersama
window: { start: 2025-07-05T22:00, end: 2025-07-06T02:00 }
---

## Ringkasan

Jaringan akan dipelihara.

## Summary

The network will be maintained.
`).log!;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  await browser.close();
});

describe('the notice title beside a logo', () => {
  it('keeps the title clear of the logo, on lines of about equal length, in every language block', async () => {
    const html = renderDocument(log, 'notice', { langs: ['id', 'en'], logo, config: false });
    const page = await browser.newPage();
    await page.setViewport({ width: 800, height: 1000 });
    await page.setContent(html, { waitUntil: 'load' });
    const measured = await page.$$eval('article.notice', (articles) =>
      articles.map((article) => {
        const h1 = article.querySelector('h1') as HTMLElement;
        const logoBox = (article.querySelector('.logo') as HTMLElement).getBoundingClientRect();
        const range = document.createRange();
        range.selectNodeContents(h1);
        // One rectangle per line box of the title.
        const lines = Array.from(range.getClientRects() as ArrayLike<DOMRect>).map((r) => ({ left: r.left, right: r.right, top: r.top, bottom: r.bottom }));
        return { lines, logoLeft: logoBox.left, logoTop: logoBox.top, logoBottom: logoBox.bottom };
      }),
    );
    await page.close();
    expect(measured).toHaveLength(2);
    for (const { lines, logoLeft } of measured) {
      expect(lines.length).toBeGreaterThan(1);
      for (const line of lines) expect(line.right).toBeLessThanOrEqual(logoLeft);
      const widths = lines.map((line) => line.right - line.left);
      // Balanced: no line is less than 60% of the longest (the old float left a stub first line).
      expect(Math.min(...widths) / Math.max(...widths)).toBeGreaterThan(0.6);
    }
  }, 60_000);
});
