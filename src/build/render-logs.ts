import { existsSync, lstatSync, readdirSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { loadLocales } from '../locale/load-locales.js';
import { loadLog } from '../log/load-log.js';
import { readLogText } from '../log/read-log-text.js';
import type { WartaConfig } from '../config/types.js';
import type { Finding, IncidentLog } from '../log/types.js';
import { buildView, type DocumentKind, type DocumentView } from '../model/build-view.js';
import { forgetCheckedFolders, writeFileAtomicAsync } from '../output/write-file-atomic.js';
import type { PdfJob, PdfPrinter } from '../pdf/pdf-printer.js';
import { loadTemplates, type TemplateSet } from '../render/load-templates.js';
import { renderDocument } from '../render/render-document.js';
import { renderNoticeEml } from '../render/render-notice-eml.js';
import { renderNoticeText } from '../render/render-notice-text.js';
import { hashParts, openRenderCache } from './render-cache.js';
import { runQueue } from './run-queue.js';

/** Output formats: HTML and PDF for every document; plain text and e-mail for the notice. */
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
  /** The templates of `templateDirs`, when the caller has loaded them already. */
  templates?: TemplateSet;
  /** Launches the PDF printer; called at most once, and only when a PDF is due. */
  launchPrinter?: () => Promise<PdfPrinter>;
  /** Told about each log and file as the run goes. */
  onEvent?: (event: RenderEvent) => void;
  /** "Now" for overdue actions of logs without `updated`. */
  now?: number;
  /** Render everything, even outputs whose inputs have not changed since the last run. */
  force?: boolean;
  /** Stops the run between documents (Ctrl-C); what is written stays whole. */
  signal?: AbortSignal;
  /**
   * Also build the archive (index.html, a page per incident, actions, lessons, incidents.json,
   * actions.csv, notices.atom) from every log of the run; `sourceRoot` makes log paths relative.
   */
  archive?: { sourceRoot?: string; baseUrl?: string };
  /** Settings from warta.config.yaml: defaults for logs, logo, colours, paper. */
  config?: Pick<WartaConfig, 'organization' | 'logo' | 'colors' | 'paper' | 'languages' | 'timezone' | 'sender'>;
}

/** Progress of a run, for the CLI to print. */
export type RenderEvent =
  | { type: 'log'; file: string; findings: Finding[]; ok: boolean }
  | { type: 'plan'; total: number; unchanged: number }
  | { type: 'written'; file: string; path: string }
  | { type: 'skipped'; file: string; path: string }
  | { type: 'failed'; file: string; path: string; reason: string };

/** What a run did. */
export interface RenderSummary {
  logs: number;
  failedLogs: number;
  /** Logs that were read without errors, for the archive. */
  loaded: IncidentLog[];
  written: string[];
  /** Outputs left alone because nothing they are made from changed. */
  skipped: string[];
  failed: { file: string; path: string; reason: string }[];
  findings: Finding[];
  /** True when the run stopped early on its signal. */
  interrupted: boolean;
  /** Browsers launched (0 when no PDF had to be printed). */
  browserLaunches: number;
}

/** One output file to produce, made lazily so a large batch never holds every page in memory. */
interface Output {
  file: string;
  path: string;
  format: OutputFormat;
  hash: string;
  make: () => string | Uint8Array | PdfJob;
  /** False when the file exists and was made from the same inputs. */
  due: boolean;
}

const version = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

/**
 * Renders logs to documents: every log is read and checked first, unchanged outputs are skipped,
 * HTML, text and e-mail are written at once, then PDFs are printed in one browser with a bounded
 * pool of pages. A log with errors is reported and skipped, a failed document is reported: the
 * others go on. Every file is written atomically.
 */
export async function renderLogs(options: RenderOptions): Promise<RenderSummary> {
  const loaded = options.templates ?? loadTemplates(options.templateDirs);
  const templates = { ...loaded, css: `${loaded.css}\n${configCss(options.config)}` };
  const locales = loadLocales(templates.dirs);
  const config = options.config;
  const defaults = { languages: config?.languages, timezone: config?.timezone, organization: config?.organization };
  const settingsHash = hashParts([
    templates.css,
    config?.logo ?? '',
    JSON.stringify(config?.paper ?? {}),
    JSON.stringify(defaults),
    config?.sender ?? '',
  ]);
  const summary: RenderSummary = {
    logs: 0,
    failedLogs: 0,
    loaded: [],
    written: [],
    skipped: [],
    failed: [],
    findings: [],
    interrupted: false,
    browserLaunches: 0,
  };
  const emit = options.onEvent ?? (() => undefined);
  const outDir = resolve(options.outDir);
  forgetCheckedFolders();
  const cache = openRenderCache(outDir);
  const ids = new Map<string, string>();
  const outputs: Output[] = [];
  let printerLaunch: Promise<PdfPrinter> | undefined;
  const day = new Date(options.now ?? Date.now()).toISOString().slice(0, 10);

  for (const file of options.files) {
    if (options.signal?.aborted) break;
    summary.logs++;
    const text = readText(file);
    const result = loadLog(file, { locales, defaults, ...(text === undefined ? {} : { text }) });
    const findings = [...result.findings];
    const log = result.log;
    if (log && ids.has(log.id)) {
      findings.push({
        file,
        line: 1,
        column: 1,
        severity: 'error',
        rule: 'log/duplicate-id',
        message: `id "${log.id}" is already used by ${relative(process.cwd(), ids.get(log.id) ?? '') || ids.get(log.id)}; expected every log to have its own id (set id: in the front matter)`,
      });
    }
    summary.findings.push(...findings);
    const ok = Boolean(log) && !findings.some((f) => f.severity === 'error');
    emit({ type: 'log', file, findings, ok });
    if (!log || !ok) {
      summary.failedLogs++;
      continue;
    }
    ids.set(log.id, file);
    summary.loaded.push(log);
    removeStalePartials(join(outDir, log.id));
    const langs = options.langs && options.langs.length > 0 ? log.languages.filter((l) => options.langs?.includes(l)) : log.languages;
    // What every output of this log is made from; a log without `updated` also depends on the day (overdue actions).
    const logHash = hashParts([version, templates.hash, settingsHash, text ?? file, log.updated ? '' : day]);
    for (const kind of options.docs) {
      const sets: { name: string; langs: string[] }[] = langs.map((lang) => ({ name: `${kind}.${lang}`, langs: [lang] }));
      if (kind === 'notice' && langs.length > 0) sets.push({ name: 'notice', langs });
      for (const set of sets) {
        // The views, the page and the notice text of a set are made once, shared by its outputs
        // (HTML, PDF, e-mail, text), and let go after the last due one, so a long batch keeps none.
        let views: DocumentView[] | undefined;
        let page: string | undefined;
        let plain: string | undefined;
        let remaining = 0;
        const viewsOf = () =>
          (views ??= set.langs.map((lang) => buildView(log, kind, lang, { locales, now: options.now, logo: config?.logo })));
        const html = () => (page ??= renderDocument(templates, kind, viewsOf()));
        const text = () => (plain ??= renderNoticeText(viewsOf()));
        const base = join(outDir, log.id, set.name);
        const add = (format: OutputFormat, make: () => string | PdfJob) => {
          const output: Output = {
            file,
            path: `${base}.${format}`,
            format,
            hash: hashParts([logHash, kind, set.langs.join(','), format]),
            make: () => {
              try {
                return make();
              } finally {
                if (--remaining <= 0) views = page = plain = undefined;
              }
            },
            due: false,
          };
          output.due = Boolean(options.force) || cache.get(relative(outDir, output.path)) !== output.hash || !existsSync(output.path);
          if (output.due) remaining++;
          outputs.push(output);
          // Chromium starts while the other logs are still read, as soon as one PDF is known to be due.
          if (output.due && format === 'pdf' && !printerLaunch && options.launchPrinter) {
            printerLaunch = options.launchPrinter();
            printerLaunch.catch(() => undefined);
          }
        };
        if (options.formats.includes('html')) add('html', html);
        if (options.formats.includes('pdf')) add('pdf', () => ({ ...pdfJob(log, html(), viewsOf()), ...paper(config) }));
        if (kind === 'notice' && options.formats.includes('txt')) add('txt', text);
        if (kind === 'notice' && set.name === 'notice' && options.formats.includes('eml')) {
          const date = new Date(log.updated?.epoch ?? options.now ?? Date.now());
          add('eml', () => renderNoticeEml({ views: viewsOf(), html: html(), text: text(), date, from: config?.sender }));
        }
      }
    }
  }

  const due = outputs.filter((output) => output.due);
  const dueSet = new Set(due);
  emit({ type: 'plan', total: outputs.length, unchanged: outputs.length - due.length });
  for (const output of outputs) {
    if (!dueSet.has(output)) {
      summary.skipped.push(output.path);
      emit({ type: 'skipped', file: output.file, path: output.path });
    }
  }
  const done = (output: Output) => {
    cache.set(relative(outDir, output.path), output.hash);
    summary.written.push(output.path);
    emit({ type: 'written', file: output.file, path: output.path });
  };
  const fail = (output: Output, error: unknown) => {
    const reason = ((error as Error)?.message ?? String(error)).split('\n')[0] ?? 'unknown error';
    summary.failed.push({ file: output.file, path: output.path, reason });
    emit({ type: 'failed', file: output.file, path: output.path, reason });
  };

  try {
    const pdfs = due.filter((output) => output.format === 'pdf');
    const files = due.filter((output) => output.format !== 'pdf');
    // HTML, text and e-mail are written while the PDFs print: the two queues overlap.
    const writing = runQueue(
      files,
      8,
      async (output) => {
        try {
          await writeFileAtomicAsync(output.path, output.make() as string, { within: outDir });
          done(output);
        } catch (error) {
          if ((error as { code?: string }).code === 'templates') throw error;
          fail(output, error);
        }
      },
      options.signal,
    );
    const printing = async () => {
      if (pdfs.length === 0 || options.signal?.aborted) return;
      if (!options.launchPrinter) throw new Error('PDF output needs a printer');
      const printer = await (printerLaunch ?? options.launchPrinter());
      printerLaunch = undefined;
      try {
        await runQueue(
          pdfs,
          printer.concurrency,
          async (output) => {
            try {
              const pdf = await printer.print(output.make() as PdfJob);
              await writeFileAtomicAsync(output.path, pdf, { within: outDir });
              done(output);
            } catch (error) {
              if ((error as { code?: string }).code === 'templates') throw error;
              fail(output, error);
            }
          },
          options.signal,
        );
      } finally {
        summary.browserLaunches = printer.launches;
        await printer.close();
      }
    };
    // Both are awaited even when one fails, so no write is left running behind the run.
    const results = await Promise.allSettled([writing, printing()]);
    for (const result of results) if (result.status === 'rejected') throw result.reason;
  } finally {
    summary.interrupted = Boolean(options.signal?.aborted);
    cache.save();
    // Launched early but not used (interrupted): close it.
    if (printerLaunch) await printerLaunch.then((p) => p.close()).catch(() => undefined);
  }
  // The archive links the documents that exist, so it comes last; it is cheap and always rebuilt.
  if (options.archive && !summary.interrupted) {
    const { buildArchive } = await import('../archive/build-archive.js');
    let archive: { written: string[] } = { written: [] };
    try {
      archive = buildArchive({
        logs: summary.loaded,
        outDir,
        locales,
        formats: outputFormats,
        docs: [...templates.documents.keys()],
        now: options.now,
        templateDirs: options.templateDirs,
        sourceRoot: options.archive.sourceRoot,
        baseUrl: options.archive.baseUrl,
        timezone: config?.timezone,
        organization: config?.organization,
      });
    } catch (error) {
      if ((error as { code?: string }).code === 'templates') throw error;
      const reason = ((error as Error)?.message ?? String(error)).split('\n')[0] ?? 'unknown error';
      summary.failed.push({ file: outDir, path: join(outDir, 'index.html'), reason: `archive: ${reason}` });
      emit({ type: 'failed', file: outDir, path: join(outDir, 'index.html'), reason: `archive: ${reason}` });
    }
    for (const path of archive.written) {
      summary.written.push(path);
      emit({ type: 'written', file: outDir, path });
    }
  }
  return summary;
}

/** The log's text, read once so that the cache hash and the parser see the same bytes; undefined when it cannot be read (loadLog then reports why). */
function readText(file: string): string | undefined {
  const read = readLogText(file);
  return 'text' in read ? read.text : undefined;
}

/** CSS from the config: colours as the stylesheet's variables, and the paper size for printing from a browser. */
function configCss(config: RenderOptions['config']): string {
  if (!config) return '';
  const colors = Object.entries(config.colors ?? {})
    .map(([name, value]) => `--${name}: ${value};`)
    .join(' ');
  return `${colors ? `:root { ${colors} }\n` : ''}@page { size: ${config.paper.size}; }`;
}

/** Paper size and margins of the PDF from the config (A4 and warta's margins by default). */
function paper(config: RenderOptions['config']): Pick<PdfJob, 'format' | 'margin'> {
  if (!config) return {};
  return { format: config.paper.size as PdfJob['format'], margin: config.paper.margin };
}

/** Temporary files left by a run that was killed (SIGKILL, power loss) in the middle of a write. */
function removeStalePartials(dir: string): void {
  // A folder that is a link (planted in the output folder) is never entered: the writes refuse it too.
  if (!existsSync(dir) || lstatSync(dir).isSymbolicLink()) return;
  for (const name of readdirSync(dir)) if (name.endsWith('.partial')) rmSync(join(dir, name), { force: true });
}

function pdfJob(log: IncidentLog, html: string, views: readonly DocumentView[]): PdfJob {
  const first = views[0] as DocumentView;
  const kindLabel = views.map((v) => v.kindLabel).join(' / ');
  // A document in several languages gets no title in its running header: it would be in one language on every page.
  const title = views.length > 1 ? '' : first.title;
  return {
    html,
    headerLeft: [log.organization, kindLabel].filter(Boolean).join(' · '),
    headerRight: title,
    footerLeft: log.id,
    pageOf: views.map((v) => v.pageOf).join(' · '),
  };
}
