import { availableParallelism } from 'node:os';
import type { Browser, Page } from 'puppeteer';
import { CliError } from '../cli/cli-error.js';
import { findChromium } from './find-chromium.js';

/** One document to print. */
export interface PdfJob {
  html: string;
  /** Shown in the page header, left. */
  headerLeft: string;
  /** Shown in the page header, right. */
  headerRight: string;
  /** Shown in the page footer, left. */
  footerLeft: string;
  /** "Page {page} of {pages}" in the document's language. */
  pageOf: string;
  /** Paper size understood by Chromium, default A4. */
  format?: 'A4' | 'Letter' | 'A5' | 'Legal';
}

/** Prints HTML to PDF in one headless Chromium with a bounded pool of pages. */
export interface PdfPrinter {
  print(job: PdfJob): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** The address a document is served at inside the browser; nothing else is ever answered. */
const documentUrl = 'https://warta.invalid/document.html';

const launchArgs = [
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--mute-audio',
  '--font-render-hinting=none',
];

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string);

const chrome =
  'font-family: "Source Sans 3", "Noto Sans", "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 7.5pt; color: #5b6775; width: 100%; padding: 0 16mm; display: flex; justify-content: space-between; gap: 8mm;';

/** Header and footer templates for Chromium, with page numbers in the document's words. */
export function headerFooter(job: PdfJob): { headerTemplate: string; footerTemplate: string } {
  const [before, middle, after] = job.pageOf.split(/\{page\}|\{pages\}/);
  const pageOf = `${escape(before ?? '')}<span class="pageNumber"></span>${escape(middle ?? ' / ')}<span class="totalPages"></span>${escape(after ?? '')}`;
  return {
    headerTemplate: `<div style='${chrome}'><span>${escape(job.headerLeft)}</span><span style="text-align:right">${escape(job.headerRight)}</span></div>`,
    footerTemplate: `<div style='${chrome}'><span>${escape(job.footerLeft)}</span><span style="white-space:nowrap">${pageOf}</span></div>`,
  };
}

/**
 * Launches one Chromium for a whole run (puppeteer is loaded only now) and returns a printer that
 * serves each document from memory to a sealed page: JavaScript off, and every request other than
 * the document itself aborted, so printing never reaches the network or the disk.
 */
export async function launchPdfPrinter(
  options: { executablePath?: string; concurrency?: number; timeoutMs?: number } = {},
): Promise<PdfPrinter> {
  const executablePath = options.executablePath ?? findChromium();
  const { default: puppeteer } = await import('puppeteer');
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: [...launchArgs, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
      handleSIGINT: true,
      handleSIGTERM: true,
      handleSIGHUP: true,
    });
  } catch (error) {
    throw new CliError('browser-failed', `Chromium at ${executablePath} would not start: ${(error as Error).message.split('\n')[0]}`, {
      cause: error,
    });
  }
  const timeout = options.timeoutMs ?? 60_000;
  const size = Math.max(1, options.concurrency ?? Math.min(4, availableParallelism()));
  const idle: Page[] = [];
  const waiting: ((page: Page) => void)[] = [];
  let open = 0;

  const newPage = async (): Promise<Page> => {
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      const current = (page as Page & { wartaHtml?: string }).wartaHtml;
      if (request.url() === documentUrl && current !== undefined) {
        void request.respond({ status: 200, contentType: 'text/html; charset=utf-8', body: current });
      } else {
        void request.abort('blockedbyclient');
      }
    });
    page.setDefaultTimeout(timeout);
    return page;
  };
  const acquire = async (): Promise<Page> => {
    const page = idle.pop();
    if (page) return page;
    if (open < size) {
      open++;
      try {
        return await newPage();
      } catch (error) {
        open--;
        throw error;
      }
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (page: Page) => {
    const next = waiting.shift();
    if (next) next(page);
    else idle.push(page);
  };

  return {
    async print(job) {
      const page = await acquire();
      try {
        (page as Page & { wartaHtml?: string }).wartaHtml = job.html;
        await page.goto(documentUrl, { waitUntil: 'load', timeout });
        await page.evaluateHandle('document.fonts.ready').catch(() => undefined);
        const pdf = await page.pdf({
          format: job.format ?? 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          ...headerFooter(job),
          margin: { top: '20mm', bottom: '18mm', left: '16mm', right: '16mm' },
          tagged: true,
          outline: true,
          timeout,
        });
        release(page);
        return pdf;
      } catch (error) {
        // A page that failed is not trusted again: close it and let the pool open a fresh one.
        open--;
        await page.close().catch(() => undefined);
        const next = waiting.shift();
        if (next) void acquire().then(next, () => undefined);
        throw error;
      }
    },
    async close() {
      await browser.close().catch(() => undefined);
    },
  };
}
