import { join, relative, resolve } from 'node:path';
import { configCss } from '../config/config-css.js';
import type { WartaConfig } from '../config/types.js';
import type { OutputFormat } from '../config/output-formats.js';
import { hashParts } from '../hash-parts.js';
import { loadLocales } from '../locale/load-locales.js';
import type { Finding, IncidentLog } from '../log/types.js';
import type { DocumentKind } from '../model/build-view.js';
import { createViewStore } from '../model/create-view-store.js';
import { lockOutputFolder, type OutputLock } from '../output/output-lock.js';
import { removeStalePartials } from '../output/remove-stale-partials.js';
import { forgetCheckedFolders } from '../output/write-file-atomic.js';
import type { PdfPrinter } from '../pdf/pdf-printer.js';
import { loadTemplates, type TemplateSet } from '../render/load-templates.js';
import { archiveRendered } from './archive-rendered.js';
import { planOutputs } from './plan-outputs.js';
import { cacheFileName, openRenderCache } from './render-cache.js';
import { writeOutputs } from './write-outputs.js';

export { outputFormats, type OutputFormat } from '../config/output-formats.js';

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
  /**
   * The lock on `outDir` when the caller holds it already (the preview holds it while it serves);
   * otherwise the run takes it, and releases it at its end.
   */
  lock?: OutputLock;
  /** How long to wait for another run that holds `outDir`; default 5 s. */
  lockWaitMs?: number;
}

/** Progress of a run, for the CLI to print. */
export type RenderEvent =
  | { type: 'log'; file: string; findings: Finding[]; ok: boolean }
  | { type: 'plan'; total: number; unchanged: number }
  | { type: 'written'; file: string; path: string }
  | { type: 'skipped'; file: string; path: string }
  | { type: 'failed'; file: string; path: string; reason: string }
  /** Something the run worked around (a render cache it could not read or save); the outputs are fine. */
  | { type: 'warning'; path: string; message: string };

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
  /** What the run worked around, as told by the `warning` events. */
  warnings: { path: string; message: string }[];
  findings: Finding[];
  /** True when the run stopped early on its signal. */
  interrupted: boolean;
  /** Browsers launched (0 when no PDF had to be printed). */
  browserLaunches: number;
}

/**
 * Renders logs to documents in three steps: {@link planOutputs} reads and checks every log and
 * finds the outputs that are due, {@link writeOutputs} writes HTML, text and e-mail while the PDFs
 * print in one browser with a bounded pool of pages, and {@link archiveRendered} builds the archive
 * from the same views. A log with errors is reported and skipped, a failed document is reported:
 * the others go on. Every file is written atomically.
 */
export async function renderLogs(options: RenderOptions): Promise<RenderSummary> {
  // One run at a time per output folder: a second waits briefly, then stops with the holder's pid.
  const lockWarnings: RenderSummary['warnings'] = [];
  const lock =
    options.lock ??
    (await lockOutputFolder(resolve(options.outDir), {
      command: 'render',
      waitMs: options.lockWaitMs,
      onWarning: (path, message) => lockWarnings.push({ path, message }),
    }));
  try {
    // No other run writes here now: a temporary `.partial` file is what a killed write left.
    if (lock.held) removeStalePartials(lock.folder);
    return await renderLocked(options, lockWarnings);
  } finally {
    if (!options.lock) lock.release();
  }
}

/** {@link renderLogs} once the output folder is locked. */
async function renderLocked(options: RenderOptions, lockWarnings: RenderSummary['warnings']): Promise<RenderSummary> {
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
  const emit = options.onEvent ?? (() => undefined);
  const outDir = resolve(options.outDir);
  forgetCheckedFolders();
  const cache = openRenderCache(outDir);
  const cacheFile = join(outDir, cacheFileName);
  const warnings: RenderSummary['warnings'] = [];
  for (const warning of lockWarnings) {
    warnings.push(warning);
    emit({ type: 'warning', ...warning });
  }
  const warnAboutCache = (problem: string | undefined) => {
    if (problem === undefined) return;
    const warning = { path: cacheFile, message: `the render cache ${problem}` };
    warnings.push(warning);
    emit({ type: 'warning', ...warning });
  };
  warnAboutCache(cache.problem);
  // The archive asks again for the notice and lessons views the documents were made from: those are kept.
  const views = createViewStore({ locales, now: options.now, logo: config?.logo }, options.archive ? ['notice', 'lessons'] : []);
  let printerLaunch: Promise<PdfPrinter> | undefined;
  const launchPrinter = () => {
    if (!options.launchPrinter) return Promise.reject(new Error('PDF output needs a printer'));
    return (printerLaunch ??= options.launchPrinter());
  };

  const plan = planOutputs({
    files: options.files,
    outDir,
    formats: options.formats,
    docs: options.docs,
    langs: options.langs ?? [],
    templates,
    locales,
    settingsHash,
    config,
    cache,
    views,
    now: options.now,
    force: Boolean(options.force),
    signal: options.signal,
    onLog: (event) => emit({ type: 'log', ...event }),
    // Chromium starts while the other logs are still read, as soon as one PDF is known to be due.
    onPdfDue: () => {
      if (options.launchPrinter) launchPrinter().catch(() => undefined);
    },
  });
  const summary: RenderSummary = {
    logs: plan.logs,
    failedLogs: plan.failedLogs,
    loaded: plan.loaded,
    written: [],
    skipped: [],
    failed: [],
    warnings,
    findings: plan.findings,
    interrupted: false,
    browserLaunches: 0,
  };
  const due = plan.outputs.filter((output) => output.due);
  emit({ type: 'plan', total: plan.outputs.length, unchanged: plan.outputs.length - due.length });
  for (const output of plan.outputs) {
    if (!output.due) {
      summary.skipped.push(output.path);
      emit({ type: 'skipped', file: output.file, path: output.path });
    }
  }

  // Before any file is rewritten, its entry is forgotten on disk: a run killed at any point leaves
  // no entry calling a rewritten file current. Entries come back as files are written.
  const invalidated = cache.invalidate(due.map((output) => relative(outDir, output.path)));
  warnAboutCache(invalidated.problem);
  const writable = invalidated.kept ? [] : due;
  if (invalidated.kept) {
    for (const output of due) {
      const reason = `not written: the render cache ${cacheFile} could be neither updated nor removed, and would call the old file current`;
      summary.failed.push({ file: output.file, path: output.path, reason });
      emit({ type: 'failed', file: output.file, path: output.path, reason });
    }
  }

  let printerUsed = false;
  try {
    summary.browserLaunches = await writeOutputs(writable, {
      outDir,
      printer: () => {
        printerUsed = true;
        return launchPrinter();
      },
      signal: options.signal,
      onWritten: (output) => {
        cache.set(relative(outDir, output.path), output.hash);
        warnAboutCache(cache.saveSoon());
        summary.written.push(output.path);
        emit({ type: 'written', file: output.file, path: output.path });
      },
      onFailed: (output, reason) => {
        summary.failed.push({ file: output.file, path: output.path, reason });
        emit({ type: 'failed', file: output.file, path: output.path, reason });
      },
    });
  } finally {
    summary.interrupted = Boolean(options.signal?.aborted);
    warnAboutCache(cache.save());
    // Launched early but not used (interrupted): close it.
    if (printerLaunch && !printerUsed) await printerLaunch.then((p) => p.close()).catch(() => undefined);
  }
  // The archive links the documents that exist, so it comes last; it is cheap and always rebuilt.
  if (options.archive && !summary.interrupted) {
    const archive = archiveRendered({
      logs: summary.loaded,
      outDir,
      locales,
      views,
      docs: [...templates.documents.keys()],
      now: options.now,
      templateDirs: options.templateDirs,
      sourceRoot: options.archive.sourceRoot,
      baseUrl: options.archive.baseUrl,
      timezone: config?.timezone,
      organization: config?.organization,
      // The archive speaks the config's first language, in its colours and with its logo, like the documents.
      lang: config?.languages[0],
      theme: config ? { colors: config.colors, logo: config.logo } : undefined,
    });
    for (const failure of archive.failed) {
      summary.failed.push({ file: outDir, ...failure });
      emit({ type: 'failed', file: outDir, ...failure });
    }
    for (const path of archive.written) {
      summary.written.push(path);
      emit({ type: 'written', file: outDir, path });
    }
  }
  return summary;
}
