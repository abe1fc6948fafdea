/**
 * The floor: what printing costs with nothing in the way. One Chromium, one page, warta's own HTML
 * files printed one after another with bare puppeteer, same paper and margins as warta.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { countPages } from './files.js';
import { rememberChromium, selfCpuMs, watchTree } from './proc.js';

export interface FloorResult {
  wallMs: number;
  /** CPU time of this process and of Chromium's processes during the run (user + system), ms. */
  cpuMs: number;
  /** Of which Chromium's processes, ms. */
  chromiumCpuMs: number;
  /** import('puppeteer'), launch, newPage, all prints, close. */
  phases: { importMs: number; launchMs: number; newPageMs: number; printMs: number; closeMs: number };
  pdfs: number;
  pages: number;
  failures: { file: string; reason: string }[];
  /** Per document: setContent and pdf, ms. */
  perDoc: { contentMs: number[]; pdfMs: number[] };
}

export const floorLaunchArgs = () => [
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  '--headless=new',
  '--disable-gpu',
  '--disable-dev-shm-usage',
];

/** Simple header and footer; Chromium fills in the classes. */
export const simpleHeader = `<div style="font-size:7.5pt;color:#5b6775;width:100%;padding:0 16mm;"><span class="title"></span></div>`;
export const simpleFooter = `<div style="font-size:7.5pt;color:#5b6775;width:100%;padding:0 16mm;text-align:right;"><span class="pageNumber"></span> / <span class="totalPages"></span></div>`;
export const margins = { top: '20mm', bottom: '18mm', left: '16mm', right: '16mm' };
/** The page.pdf options of the floor, the same paper and margins as warta; md-to-pdf gets them too, so all three print alike. */
export const floorPdfOptions = {
  format: 'A4',
  printBackground: true,
  displayHeaderFooter: true,
  headerTemplate: simpleHeader,
  footerTemplate: simpleFooter,
  margin: margins,
} as const;

/** Prints `htmlFiles` (paths under htmlRoot) to PDFs under outDir, keeping the relative layout. */
export async function printFloor(
  htmlFiles: readonly string[],
  htmlRoot: string,
  outDir: string,
  executablePath: string,
): Promise<FloorResult> {
  const t0 = performance.now();
  const cpu0 = selfCpuMs();
  const watcher = watchTree(process.pid, t0, { intervalMs: 100 });
  const { default: puppeteer } = await import('puppeteer');
  const t1 = performance.now();
  const browser = await puppeteer.launch({ executablePath, headless: true, args: floorLaunchArgs() });
  const launched = performance.now();
  const pid = browser.process()?.pid;
  if (pid) rememberChromium(pid);
  const failures: FloorResult['failures'] = [];
  const perDoc: FloorResult['perDoc'] = { contentMs: [], pdfMs: [] };
  let pdfs = 0;
  let pages = 0;
  let t2: number;
  let t3: number;
  try {
    const page = await browser.newPage();
    t2 = performance.now();
    for (const file of htmlFiles) {
      try {
        const html = readFileSync(file, 'utf8');
        const a = performance.now();
        await page.setContent(html, { waitUntil: 'load' });
        const b = performance.now();
        const pdf = await page.pdf(floorPdfOptions);
        const c = performance.now();
        perDoc.contentMs.push(b - a);
        perDoc.pdfMs.push(c - b);
        const target = join(outDir, file.slice(htmlRoot.length).replace(/\.html$/, '.pdf'));
        mkdirSync(dirname(target), { recursive: true });
        writeFileSync(target, pdf);
        pdfs++;
        pages += countPages(pdf);
      } catch (error) {
        failures.push({ file: basename(file), reason: (error as Error).message.split('\n')[0] ?? 'unknown error' });
      }
    }
    t3 = performance.now();
  } finally {
    await browser.close().catch(() => browser.process()?.kill('SIGKILL'));
  }
  const t4 = performance.now();
  const chromiumCpuMs = watcher.stop().descendantsCpuMs;
  return {
    wallMs: t4 - t0,
    cpuMs: selfCpuMs() - cpu0 + chromiumCpuMs,
    chromiumCpuMs,
    phases: { importMs: t1 - t0, launchMs: launched - t1, newPageMs: t2 - launched, printMs: t3 - t2, closeMs: t4 - t3 },
    pdfs,
    pages,
    failures,
    perDoc,
  };
}
