import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer';
import { WartaError } from '../errors.js';
import { findChromium } from './find-chromium.js';
import { watchBrowser, type BrowserWatchdog } from './browser-watchdog.js';
import { escapeXml } from '../html/escape-xml.js';

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
  /** The running header as Chromium's header template (inline styles; `pageNumber`, `totalPages` spans); default made from the fields above. */
  headerTemplate?: string;
  /** The running footer, as `headerTemplate`. */
  footerTemplate?: string;
  /** Paper size understood by Chromium, default A4. */
  format?: 'A4' | 'A5' | 'A3' | 'Letter' | 'Legal' | 'Tabloid';
  /** Page margins (CSS lengths), default 20mm top, 18mm bottom, 16mm left and right. */
  margin?: { top: string; bottom: string; left: string; right: string };
}

/** Prints HTML to PDF in one headless Chromium with a bounded pool of pages. */
export interface PdfPrinter {
  /** Prints one document, retrying on a fresh page (and a fresh browser if it died). */
  print(job: PdfJob): Promise<Uint8Array>;
  /** How many pages print at once. */
  readonly concurrency: number;
  /** How many times a browser was launched (1 unless one crashed). */
  readonly launches: number;
  close(): Promise<void>;
}

/** Options for {@link launchPdfPrinter}. */
export interface PdfPrinterOptions {
  executablePath?: string;
  /** Pages printing at once; default: the number of cores, at most 4. */
  concurrency?: number;
  /** Per document, for loading and printing; default 60 s. */
  timeoutMs?: number;
  /** Attempts per document after the first; default 2. */
  retries?: number;
  /** Called with the page before each attempt; tests use it to crash a page or the browser. */
  beforePrint?: (page: Page, attempt: number, browser: Browser) => Promise<void>;
}

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

const escape = escapeXml;

/**
 * Style of the running header and footer; they sit in the page margins, so they are indented like
 * the text. The padding is inside the width (border-box): otherwise the line is the page's width plus
 * both margins, and a long title runs past the page edge, cut mid-word before its ellipsis shows.
 */
const chrome = (job: PdfJob) =>
  `font-family: "Source Sans 3", "Noto Sans", "Liberation Sans", "DejaVu Sans", sans-serif; font-size: 7.5pt; color: #5b6775; box-sizing: border-box; width: 100%; padding: 0 ${job.margin?.right ?? '16mm'} 0 ${job.margin?.left ?? '16mm'}; display: flex; justify-content: space-between; gap: 8mm;`;

/** A header part stays on one line, cut with an ellipsis, however long the title. */
const clipped = 'flex: 1 1 0; min-width: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis';

/** Header and footer templates for Chromium, with page numbers in the document's words. */
export function headerFooter(job: PdfJob): { headerTemplate: string; footerTemplate: string } {
  if (job.headerTemplate !== undefined && job.footerTemplate !== undefined)
    return { headerTemplate: job.headerTemplate, footerTemplate: job.footerTemplate };
  const pageOf = job.pageOf
    .split(/(\{page\}|\{pages\})/)
    .map((part) =>
      part === '{page}' ? '<span class="pageNumber"></span>' : part === '{pages}' ? '<span class="totalPages"></span>' : escape(part),
    )
    .join('');
  return {
    headerTemplate: `<div style='${chrome(job)}'><span style="${clipped};flex:0 1 auto">${escape(job.headerLeft)}</span>${job.headerRight ? `<span style="${clipped};text-align:right">${escape(job.headerRight)}</span>` : ''}</div>`,
    footerTemplate: `<div style='${chrome(job)}'><span style="${clipped}">${escape(job.footerLeft)}</span><span style="white-space:nowrap">${pageOf}</span></div>`,
  };
}

type SealedPage = Page;

/**
 * Launches one Chromium for a whole run (puppeteer is loaded only now) and returns a printer that
 * writes each document into a sealed page: JavaScript off, and every request the document would make
 * aborted, so printing never reaches the network or the disk. Pages are
 * pooled; a page that fails is closed and the document retried on a fresh one, and a browser that
 * died is launched again.
 */
export async function launchPdfPrinter(options: PdfPrinterOptions = {}): Promise<PdfPrinter> {
  const executablePath = options.executablePath ?? findChromium();
  const { default: puppeteer } = await import('puppeteer');
  const timeout = options.timeoutMs ?? 60_000;
  const retries = options.retries ?? 2;
  const size = Math.max(1, options.concurrency ?? Math.min(4, availableParallelism()));
  let launches = 0;
  let closed = false;

  // Each browser gets its own profile folder and a watchdog started before it: once warta is done
  // with the browser or dies, however (SIGKILL too), the watchdog kills what is left of it and removes
  // the folder (see browser-watchdog.ts).
  const profiles: { folder: string; watchdog?: BrowserWatchdog }[] = [];
  /** Removes a profile folder whose browser is closed or never started, and lets its watchdog go. */
  const forget = (profile: (typeof profiles)[number]) => {
    profiles.splice(profiles.indexOf(profile), 1);
    try {
      rmSync(profile.folder, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // The watchdog tries again.
    }
    profile.watchdog?.release();
  };
  const launch = async (): Promise<Browser> => {
    launches++;
    let profile: (typeof profiles)[number] | undefined;
    try {
      const folder = mkdtempSync(join(tmpdir(), 'warta-chromium-'));
      profile = { folder, watchdog: watchBrowser(folder) };
      profiles.push(profile);
      const launched = await puppeteer.launch({
        executablePath,
        userDataDir: folder,
        headless: true,
        args: [...launchArgs, ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
        // The CLI handles signals itself so it can remove temporary files before it exits.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        // DevTools over a pipe instead of a port: Chromium ends when the pipe closes, so also when
        // warta is killed (SIGKILL, the OOM killer), and no other local process can connect to it.
        pipe: true,
        protocolTimeout: timeout * 2,
      });
      const pid = launched.process()?.pid;
      if (pid !== undefined) profile.watchdog?.started(pid);
      return launched;
    } catch (error) {
      if (profile) forget(profile);
      throw new WartaError('browser-failed', `Chromium at ${executablePath} would not start: ${(error as Error).message.split('\n')[0]}`, {
        cause: error,
      });
    }
  };

  // The running Chromium, known synchronously: an 'exit' handler cannot wait for a promise.
  let running: Browser | undefined;
  const track = (launched: Promise<Browser>) => {
    void launched.then((b) => (running = b)).catch(() => undefined);
    return launched;
  };
  let browser: Promise<Browser> = track(launch());
  await browser;
  // Kill Chromium even when warta ends abruptly (an uncaught error, process.exit), so no browser outlives it.
  const killNow = () => {
    running?.process()?.kill('SIGKILL');
  };
  process.once('exit', killNow);

  const idle: SealedPage[] = [];
  const waiting: (() => void)[] = [];
  let busy = 0;

  const currentBrowser = async (): Promise<Browser> => {
    const pending = browser;
    const b = await pending;
    if (b.connected || closed) return b;
    // The browser died (crash, OOM kill): start a new one once, shared by every job that noticed.
    if (browser === pending) {
      idle.length = 0;
      browser = track(launch());
    }
    return browser;
  };
  const newPage = async (): Promise<SealedPage> => {
    const page: SealedPage = await (await currentBrowser()).newPage();
    await page.setJavaScriptEnabled(false);
    // Offline as well as intercepted: requests the interception never sees (prefetch) fail too.
    await page.setOfflineMode(true);
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.isNavigationRequest() && request.frame() === page.mainFrame()) {
        // A navigation away (meta refresh) answered with 204 is cancelled and the document stays;
        // aborting it instead would make Chromium print its own error page.
        void request.respond({ status: 204, body: '' }).catch(() => undefined);
      } else {
        void request.abort('blockedbyclient').catch(() => undefined);
      }
    });
    page.setDefaultTimeout(timeout);
    return page;
  };
  /** Waits for a free slot in the pool, then gives a page from it (or a new one). */
  const acquire = async (): Promise<SealedPage> => {
    while (busy >= size) await new Promise<void>((resolve) => waiting.push(resolve));
    busy++;
    try {
      let page = idle.pop();
      while (page && (page.isClosed() || !page.browser().connected)) page = idle.pop();
      return page ?? (await newPage());
    } catch (error) {
      release();
      throw error;
    }
  };
  const release = (page?: SealedPage) => {
    busy--;
    if (page && !page.isClosed()) idle.push(page);
    waiting.shift()?.();
  };

  const attempt = async (job: PdfJob, n: number): Promise<Uint8Array> => {
    const page = await acquire();
    // A crashed renderer does not always fail the pending call; the page's error event does.
    let onCrash: (error: Error) => void = () => undefined;
    const crashed = new Promise<never>((_, reject) => {
      onCrash = (error) => reject(new Error(`page crashed: ${error.message}`));
      page.once('error', onCrash);
    });
    crashed.catch(() => undefined);
    try {
      if (options.beforePrint) await options.beforePrint(page, n, await browser);
      // The document is written into the page (no request for it); every request it would make is aborted.
      await Promise.race([page.setContent(job.html, { waitUntil: 'load', timeout }), crashed]);
      const pdf = await Promise.race([
        page.pdf({
          format: job.format ?? 'A4',
          printBackground: true,
          displayHeaderFooter: true,
          ...headerFooter(job),
          margin: job.margin ?? { top: '20mm', bottom: '18mm', left: '16mm', right: '16mm' },
          tagged: true,
          outline: true,
          timeout,
        }),
        crashed,
      ]);
      page.off('error', onCrash);
      release(page);
      return pdf;
    } catch (error) {
      // A page that failed is not trusted again.
      page.off('error', onCrash);
      await page.close().catch(() => undefined);
      release();
      throw error;
    }
  };

  return {
    concurrency: size,
    get launches() {
      return launches;
    },
    async print(job) {
      let last: unknown;
      for (let n = 0; n <= retries; n++) {
        if (closed) throw new Error('the printer was closed');
        try {
          return await attempt(job, n);
        } catch (error) {
          last = error;
        }
      }
      const message = (last as Error)?.message?.split('\n')[0] ?? String(last);
      throw new Error(`${message} (after ${retries + 1} attempts)`, { cause: last });
    },
    async close() {
      closed = true;
      process.removeListener('exit', killNow);
      const b = await browser.catch(() => undefined);
      if (!b) return;
      // A browser that does not close within 5 s is killed; the timer must not keep warta alive.
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([b.close(), new Promise((resolve) => (timer = setTimeout(resolve, 5000)))]).catch(() => undefined);
      clearTimeout(timer);
      killNow();
      for (const profile of [...profiles]) forget(profile);
    },
  };
}
