import { join, resolve } from 'node:path';
import { loadLocales } from '../locale/load-locales.js';
import { loadLog } from '../log/load-log.js';
import type { Finding, IncidentLog } from '../log/types.js';
import { buildView, documentKinds, type DocumentKind, type DocumentView } from '../model/build-view.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import type { PdfJob, PdfPrinter } from '../pdf/pdf-printer.js';
import { loadTemplates } from '../render/load-templates.js';
import { renderDocument } from '../render/render-document.js';
import { renderNoticeEml } from '../render/render-notice-eml.js';
import { renderNoticeText } from '../render/render-notice-text.js';

/** Output formats. */
export const outputFormats = ['html', 'pdf', 'txt', 'eml'] as const;
export type OutputFormat = (typeof outputFormats)[number];

/** What to render and where. */
export interface RenderOptions {
  files: readonly string[];
  outDir: string;
  formats: readonly OutputFormat[];
  docs: readonly DocumentKind[];
  /** Languages to render; empty or undefined means every language of each log. */
  langs?: readonly string[];
  /** Extra template folders, overriding the built-in one. */
  templateDirs?: readonly string[];
  /** Launches the PDF printer; called at most once, and only when a PDF is due. */
  launchPrinter?: () => Promise<PdfPrinter>;
  /** Told about each log and file as the run goes. */
  onEvent?: (event: RenderEvent) => void;
  /** "Now" for overdue actions. */
  now?: number;
}

/** Progress of a run, for the CLI to print. */
export type RenderEvent =
  | { type: 'log'; file: string; findings: Finding[]; ok: boolean }
  | { type: 'written'; file: string; path: string }
  | { type: 'failed'; file: string; path: string; reason: string };

/** What a run did. */
export interface RenderSummary {
  logs: number;
  failedLogs: number;
  written: string[];
  failed: { file: string; path: string; reason: string }[];
  findings: Finding[];
}

interface Pending {
  file: string;
  path: string;
  job: PdfJob;
}

/**
 * Renders logs to documents: every log is read and checked first, its HTML written, then all
 * PDFs printed in one browser. A log with errors is reported and skipped; the others go on.
 */
export async function renderLogs(options: RenderOptions): Promise<RenderSummary> {
  const templates = loadTemplates(options.templateDirs);
  const locales = loadLocales(templates.dirs);
  const summary: RenderSummary = { logs: 0, failedLogs: 0, written: [], failed: [], findings: [] };
  const emit = options.onEvent ?? (() => undefined);
  const pending: Pending[] = [];
  const ids = new Map<string, string>();
  const outDir = resolve(options.outDir);

  for (const file of options.files) {
    summary.logs++;
    const result = loadLog(file, { locales });
    const findings = [...result.findings];
    const log = result.log;
    if (log) {
      const other = ids.get(log.id);
      if (other) {
        findings.push({
          file,
          line: 1,
          column: 1,
          severity: 'error',
          rule: 'log/duplicate-id',
          message: `id "${log.id}" is already used by ${other}; expected every log to have its own id (set id: in the front matter)`,
        });
      }
    }
    summary.findings.push(...findings);
    const ok = Boolean(log) && !findings.some((f) => f.severity === 'error');
    emit({ type: 'log', file, findings, ok });
    if (!log || !ok) {
      summary.failedLogs++;
      continue;
    }
    ids.set(log.id, file);
    const langs = options.langs && options.langs.length > 0 ? log.languages.filter((l) => options.langs?.includes(l)) : log.languages;
    if (langs.length === 0) continue;
    for (const kind of options.docs) {
      const views = langs.map((lang) => buildView(log, kind, lang, { locales, now: options.now }));
      const outputs: { name: string; views: DocumentView[] }[] = views.map((view) => ({ name: `${kind}.${view.lang}`, views: [view] }));
      if (kind === 'notice') outputs.push({ name: 'notice', views });
      for (const output of outputs) {
        const base = join(outDir, log.id, output.name);
        let html: string;
        try {
          html = renderDocument(templates, kind, output.views);
        } catch (error) {
          const reason = `template error: ${(error as Error).message}`;
          summary.failed.push({ file, path: `${base}.html`, reason });
          emit({ type: 'failed', file, path: `${base}.html`, reason });
          continue;
        }
        if (options.formats.includes('html')) {
          writeFileAtomic(`${base}.html`, html);
          summary.written.push(`${base}.html`);
          emit({ type: 'written', file, path: `${base}.html` });
        }
        if (options.formats.includes('pdf')) pending.push({ file, path: `${base}.pdf`, job: pdfJob(log, html, output.views) });
        if (kind === 'notice' && options.formats.includes('txt')) {
          writeFileAtomic(`${base}.txt`, renderNoticeText(output.views));
          summary.written.push(`${base}.txt`);
          emit({ type: 'written', file, path: `${base}.txt` });
        }
        if (kind === 'notice' && output.name === 'notice' && options.formats.includes('eml')) {
          const text = renderNoticeText(output.views);
          const date = new Date(log.updated?.epoch ?? options.now ?? Date.now());
          writeFileAtomic(`${base}.eml`, renderNoticeEml({ views: output.views, html, text, date }));
          summary.written.push(`${base}.eml`);
          emit({ type: 'written', file, path: `${base}.eml` });
        }
      }
    }
  }

  if (pending.length > 0) {
    if (!options.launchPrinter) throw new Error('PDF output needs a printer');
    const printer = await options.launchPrinter();
    try {
      await Promise.all(
        pending.map(async (item) => {
          try {
            const pdf = await printer.print(item.job).catch(() => printer.print(item.job));
            writeFileAtomic(item.path, pdf);
            summary.written.push(item.path);
            emit({ type: 'written', file: item.file, path: item.path });
          } catch (error) {
            const reason = (error as Error).message.split('\n')[0] ?? 'unknown error';
            summary.failed.push({ file: item.file, path: item.path, reason });
            emit({ type: 'failed', file: item.file, path: item.path, reason });
          }
        }),
      );
    } finally {
      await printer.close();
    }
  }
  return summary;
}

function pdfJob(log: IncidentLog, html: string, views: readonly DocumentView[]): PdfJob {
  const first = views[0] as DocumentView;
  const kindLabel = views.map((v) => v.kindLabel).join(' / ');
  const limit = views.length > 1 ? 60 : 90;
  const title = first.title.length > limit ? `${first.title.slice(0, limit - 1)}…` : first.title;
  return {
    html,
    headerLeft: [log.organization, kindLabel].filter(Boolean).join(' · '),
    headerRight: title,
    footerLeft: log.id,
    pageOf: views.map((v) => v.pageOf).join(' · '),
  };
}

export { documentKinds };
