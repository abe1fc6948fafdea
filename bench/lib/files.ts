/** Output files and PDF pages. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Files under `dir` (recursively) whose names end with `suffix`, sorted. */
export function listFiles(dir: string, suffix: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries;
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.isDirectory()) walk(join(d, e.name));
      else if (e.name.endsWith(suffix)) out.push(join(d, e.name));
    }
  };
  walk(dir);
  return out.sort();
}

/** Counts files ending with `suffix` one level of folders down (warta's out/<id>/<doc>.pdf), cheaply. */
export function countOutputs(dir: string, suffix: string): number {
  let n = 0;
  let ids;
  try {
    ids = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const id of ids) {
    if (!id.isDirectory()) continue;
    try {
      for (const name of readdirSync(join(dir, id.name))) if (name.endsWith(suffix)) n++;
    } catch {
      // removed meanwhile
    }
  }
  return n;
}

/** Pages of a PDF as Chromium writes them (one /Type /Page object per page, no object streams). */
export function countPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return (text.match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

/** PDFs under `dir` and their pages in total, with a histogram of pages per document. */
export function pdfStats(dir: string): { pdfs: number; pages: number; histogram: Map<number, number> } {
  const files = listFiles(dir, '.pdf');
  const histogram = new Map<number, number>();
  let pages = 0;
  for (const file of files) {
    const n = countPages(readFileSync(file));
    pages += n;
    histogram.set(n, (histogram.get(n) ?? 0) + 1);
  }
  return { pdfs: files.length, pages, histogram };
}
