import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderLogs, type RenderOptions } from '../../src/batch/render-logs.js';
import type { PdfJob, PdfPrinter } from '../../src/pdf/pdf-printer.js';
import { logText, tempDir, tempFiles } from '../helpers.js';

const root = resolve(import.meta.dirname, '../..');
const fixtures = resolve(root, 'test/fixtures');

/** A printer that makes a tiny fake PDF, fails for chosen documents, and counts what it did. */
function fakePrinter(failFor: (job: PdfJob) => boolean = () => false) {
  const stats = { launched: 0, printed: 0 };
  const launchPrinter = async (): Promise<PdfPrinter> => {
    stats.launched++;
    return {
      concurrency: 2,
      launches: 1,
      print: async (job) => {
        if (failFor(job)) throw new Error('Navigation timeout of 60000 ms exceeded (after 3 attempts)');
        stats.printed++;
        return new TextEncoder().encode(`%PDF-1.4 fake ${job.footerLeft}\n%%EOF`);
      },
      close: async () => undefined,
    };
  };
  return { stats, launchPrinter };
}

function copyLogs(): string {
  const dir = tempDir('warta-logs-');
  cpSync(join(fixtures, 'valid/small-change.md'), join(dir, 'a.md'));
  writeFileSync(
    join(dir, 'b.md'),
    readFileSync(join(fixtures, 'valid/small-change.md'), 'utf8').replace('Mail server patch', 'Web server patch'),
  );
  return dir;
}

const base = (dir: string, out: string, extra: Partial<RenderOptions> = {}): RenderOptions => ({
  files: readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(dir, f)),
  outDir: out,
  formats: ['html', 'pdf', 'txt', 'eml'],
  docs: ['report', 'notice', 'lessons'],
  now: Date.UTC(2024, 5, 1),
  ...extra,
});

describe('renderLogs: incremental builds', () => {
  it('skips unchanged documents, launches no browser, and rebuilds what a change touches', async () => {
    const dir = copyLogs();
    const out = tempDir();
    const first = fakePrinter();
    const run1 = await renderLogs(base(dir, out, { launchPrinter: first.launchPrinter }));
    expect(run1.failed).toEqual([]);
    expect(run1.skipped).toEqual([]);
    expect(first.stats.printed).toBe(2 * 7);
    expect(existsSync(join(out, '.warta-cache.json'))).toBe(true);

    const second = fakePrinter();
    const run2 = await renderLogs(base(dir, out, { launchPrinter: second.launchPrinter }));
    expect(run2.written).toEqual([]);
    expect(run2.skipped).toHaveLength(run1.written.length);
    expect(second.stats.launched).toBe(0);
    expect(run2.browserLaunches).toBe(0);

    // A change to one log rebuilds only that log's documents.
    writeFileSync(
      join(dir, 'b.md'),
      readFileSync(join(dir, 'b.md'), 'utf8').replace('The mail server was patched.', 'The web server was patched.'),
    );
    const third = fakePrinter();
    const run3 = await renderLogs(base(dir, out, { launchPrinter: third.launchPrinter }));
    expect(run3.written.length).toBe(run1.written.length / 2);
    expect(run3.written.every((p) => p.includes(`${join(out, 'b')}`))).toBe(true);

    // A template change (a user's stylesheet) rebuilds everything.
    const templates = tempDir('warta-templates-');
    mkdirSync(join(templates, 'styles'));
    writeFileSync(join(templates, 'styles', 'brand.css'), 'h1 { color: #c00; }');
    const fourth = fakePrinter();
    const run4 = await renderLogs(base(dir, out, { launchPrinter: fourth.launchPrinter, templateDirs: [templates] }));
    expect(run4.written.length).toBe(run1.written.length);
    expect(readFileSync(join(out, 'a', 'report.en.html'), 'utf8')).toContain('h1 { color: #c00; }');

    // A deleted output is made again; --force makes everything again.
    const { rmSync } = await import('node:fs');
    rmSync(join(out, 'a', 'notice.txt'));
    const run5 = await renderLogs(base(dir, out, { launchPrinter: fakePrinter().launchPrinter, templateDirs: [templates] }));
    expect(run5.written).toEqual([join(out, 'a', 'notice.txt')]);
    const run6 = await renderLogs(base(dir, out, { launchPrinter: fakePrinter().launchPrinter, templateDirs: [templates], force: true }));
    expect(run6.written.length).toBe(run1.written.length);
  });
});

describe('renderLogs: failures and interruptions', () => {
  it('reports exactly the documents that failed and writes all the others', async () => {
    const dir = copyLogs();
    const out = tempDir();
    const printer = fakePrinter(
      (job) => job.footerLeft === 'b' && job.html.includes('<html lang="id">') && job.html.includes('doc-report'),
    );
    const summary = await renderLogs(base(dir, out, { launchPrinter: printer.launchPrinter }));
    expect(summary.failed).toEqual([
      {
        file: join(dir, 'b.md'),
        path: join(out, 'b', 'report.id.pdf'),
        reason: 'Navigation timeout of 60000 ms exceeded (after 3 attempts)',
      },
    ]);
    expect(existsSync(join(out, 'b', 'report.id.pdf'))).toBe(false);
    expect(existsSync(join(out, 'b', 'report.en.pdf'))).toBe(true);
    // 18 files a log: 7 HTML, 7 PDF, 3 text notices and the e-mail.
    expect(summary.written).toHaveLength(2 * 18 - 1);
    // The failed document is not cached: the next run tries it again.
    const again = fakePrinter();
    const next = await renderLogs(base(dir, out, { launchPrinter: again.launchPrinter }));
    expect(next.written).toEqual([join(out, 'b', 'report.id.pdf')]);
  });

  it('removes temporary files left by a killed run', async () => {
    const dir = copyLogs();
    const out = tempDir();
    mkdirSync(join(out, 'a'), { recursive: true });
    writeFileSync(join(out, 'a', 'report.en.pdf.1234.abcd.partial'), 'half a pdf');
    await renderLogs(base(dir, out, { formats: ['html'] }));
    expect(readdirSync(join(out, 'a')).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('stops between documents when its signal is aborted', async () => {
    const dir = copyLogs();
    const out = tempDir();
    const controller = new AbortController();
    let printed = 0;
    const summary = await renderLogs(
      base(dir, out, {
        formats: ['pdf'],
        signal: controller.signal,
        launchPrinter: async () => ({
          concurrency: 1,
          launches: 1,
          print: async () => {
            if (++printed === 2) controller.abort();
            return new TextEncoder().encode('%PDF-1.4\n%%EOF');
          },
          close: async () => undefined,
        }),
      }),
    );
    expect(summary.interrupted).toBe(true);
    expect(printed).toBe(2);
    expect(summary.written.length).toBeLessThanOrEqual(2);
  });
});

describe('renderLogs: the PDF running header', () => {
  it("names the organization in each document's own language; a document in several languages keeps the primary one", async () => {
    const dir = tempFiles({
      'bank.md': logText(
        'title: { id: Gangguan, en: Outage }\ntype: incident\nstatus: investigating\nlanguages: [id, en]\norganization: { id: Bank Contoh, en: Example Bank }',
        '## Ringkasan\n\nTerganggu.\n\n## Summary\n\nDown.\n',
      ),
    });
    const headers = new Map<string, string>();
    const launchPrinter = async (): Promise<PdfPrinter> => ({
      concurrency: 1,
      launches: 1,
      print: async (job) => {
        headers.set(job.headerLeft, job.pageOf);
        return new TextEncoder().encode('%PDF-1.4\n%%EOF');
      },
      close: async () => undefined,
    });
    await renderLogs({
      files: [join(dir, 'bank.md')],
      outDir: join(dir, 'out'),
      formats: ['pdf'],
      docs: ['report', 'notice'],
      launchPrinter,
    });
    expect([...headers.keys()].sort()).toEqual([
      'Bank Contoh · Laporan manajemen',
      'Bank Contoh · Pemberitahuan kepada pengguna',
      'Bank Contoh · Pemberitahuan kepada pengguna / Notice to users',
      'Example Bank · Management report',
      'Example Bank · Notice to users',
    ]);
  });
});
