import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchPdfPrinter, type PdfJob } from '../../src/pdf/pdf-printer.js';

const job = (html: string): PdfJob => ({
  html,
  headerLeft: 'Org · Report',
  headerRight: 'Title',
  footerLeft: 'id',
  pageOf: 'Page {page} of {pages}',
});
const isPdf = (bytes: Uint8Array) =>
  Buffer.from(bytes.subarray(0, 5)).toString() === '%PDF-' && Buffer.from(bytes.subarray(-8)).toString().includes('%%EOF');

describe('PDF printer', () => {
  let server: Server;
  let requests: string[];
  let base: string;

  beforeAll(async () => {
    requests = [];
    server = createServer((req, res) => {
      requests.push(req.url ?? '');
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('makes no request for remote images, scripts, styles, fonts, frames or file:// URLs', async () => {
    const printer = await launchPdfPrinter({ concurrency: 1 });
    try {
      const html = `<!doctype html><html><head>
        <link rel="stylesheet" href="${base}/style.css">
        <style>@import url("${base}/import.css"); body { background: url("${base}/bg.png"); } @font-face { font-family: X; src: url("${base}/font.woff2"); } p { font-family: X; }</style>
        <script src="${base}/script.js"></script>
        <script>fetch("${base}/fetch")</script>
        </head><body><p>Sealed</p>
        <img src="${base}/image.png"><img src="file:///etc/passwd">
        <iframe src="${base}/frame.html"></iframe>
        <object data="${base}/object"></object><video src="${base}/video.mp4"></video>
        </body></html>`;
      const pdf = await printer.print(job(html));
      expect(isPdf(pdf)).toBe(true);
    } finally {
      await printer.close();
    }
    // Give any straggling request a moment to arrive before asserting none did.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(requests).toEqual([]);
  });

  it('retries a document whose page crashed, on a fresh page', async () => {
    const attempts: number[] = [];
    const printer = await launchPdfPrinter({
      concurrency: 1,
      beforePrint: async (page, attempt) => {
        attempts.push(attempt);
        if (attempt === 0) {
          const session = await page.createCDPSession();
          // The renderer dies before it can answer, so the command is not awaited.
          void session.send('Page.crash').catch(() => undefined);
          await new Promise((resolve) => setTimeout(resolve, 300));
        }
      },
    });
    try {
      const pdf = await printer.print(job('<p>after a crash</p>'));
      expect(isPdf(pdf)).toBe(true);
      expect(attempts).toEqual([0, 1]);
      expect(printer.launches).toBe(1);
    } finally {
      await printer.close();
    }
  });

  it('launches a new browser when the browser itself died, and finishes the document', async () => {
    let killed = false;
    const printer = await launchPdfPrinter({
      concurrency: 2,
      beforePrint: async (_page, attempt, browser) => {
        if (attempt === 0 && !killed) {
          killed = true;
          browser.process()?.kill('SIGKILL');
          await new Promise((resolve) => setTimeout(resolve, 300));
        }
      },
    });
    try {
      const results = await Promise.all([printer.print(job('<p>one</p>')), printer.print(job('<p>two</p>'))]);
      for (const pdf of results) expect(isPdf(pdf)).toBe(true);
      expect(printer.launches).toBe(2);
    } finally {
      await printer.close();
    }
  });

  it('gives up after its retries with the reason', async () => {
    const failing = await launchPdfPrinter({
      concurrency: 1,
      retries: 1,
      beforePrint: async () => Promise.reject(new Error('renderer gone')),
    });
    try {
      await expect(failing.print(job('<p>x</p>'))).rejects.toThrow(/renderer gone \(after 2 attempts\)/);
    } finally {
      await failing.close();
    }
  });

  it('prints the page numbers in the words of the document', async () => {
    const { tempDir } = await import('../helpers.js');
    const printer = await launchPdfPrinter({ concurrency: 1 });
    try {
      const pdf = await printer.print({ ...job('<p>Halo</p>'), pageOf: 'Halaman {page} dari {pages}' });
      const file = join(tempDir(), 'x.pdf');
      writeFileSync(file, pdf);
      expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain('Halaman 1 dari 1');
    } finally {
      await printer.close();
    }
  });
});
