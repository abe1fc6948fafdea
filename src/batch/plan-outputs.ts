import { existsSync, lstatSync, readdirSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { WartaConfig } from '../config/types.js';
import type { OutputFormat } from '../config/output-formats.js';
import { hashParts } from '../hash-parts.js';
import type { Locales } from '../locale/types.js';
import { readLog } from '../log/read-log.js';
import { readLogText } from '../log/read-log-text.js';
import { duplicateIdCheck } from '../log/duplicate-id-check.js';
import type { Finding, IncidentLog } from '../log/types.js';
import type { DocumentKind, DocumentView } from '../model/build-view.js';
import type { ViewStore } from '../model/create-view-store.js';
import { version } from '../package-info.js';
import type { PdfJob } from '../pdf/pdf-printer.js';
import type { TemplateSet } from '../render/load-templates.js';
import { renderPage } from '../render/render-page.js';
import { renderPdfChrome } from '../render/render-pdf-chrome.js';
import { renderNoticeEml } from '../render/render-notice-eml.js';
import { renderNoticeText } from '../render/render-notice-text.js';
import type { RenderCache } from './render-cache.js';

/** One output file to produce, made lazily so a large batch never holds every page in memory. */
export interface PlannedOutput {
  /** The log it is made from. */
  file: string;
  path: string;
  format: OutputFormat;
  /** Hash of everything the file is made from, remembered in the cache once it is written. */
  hash: string;
  make: () => string | Uint8Array | PdfJob;
  /** False when the file exists and was made from the same inputs. */
  due: boolean;
}

/** The config settings that shape documents. */
export type DocumentSettings = Pick<WartaConfig, 'organization' | 'logo' | 'colors' | 'paper' | 'languages' | 'timezone' | 'sender'>;

/** What {@link planOutputs} needs. */
export interface PlanOptions {
  files: readonly string[];
  /** Absolute output folder. */
  outDir: string;
  formats: readonly OutputFormat[];
  docs: readonly DocumentKind[];
  /** Languages to render; empty means every language of each log. */
  langs: readonly string[];
  /** The run's templates, with the config's CSS already added. */
  templates: TemplateSet;
  locales: Locales;
  /** Hash of the settings that shape every output (config CSS, logo, paper, defaults, sender). */
  settingsHash: string;
  config?: DocumentSettings;
  cache: RenderCache;
  views: ViewStore;
  now?: number;
  force: boolean;
  signal?: AbortSignal;
  /** Told about each log once it is read and checked. */
  onLog: (event: { file: string; findings: Finding[]; ok: boolean }) => void;
  /** Called when the first PDF is known to be due, so the browser can start while the rest is planned. */
  onPdfDue: () => void;
}

/** What {@link planOutputs} found: the outputs in order, and the logs that can be rendered. */
export interface OutputPlan {
  outputs: PlannedOutput[];
  logs: number;
  failedLogs: number;
  loaded: IncidentLog[];
  findings: Finding[];
}

/**
 * Reads and checks every log, then lists every output of the logs that can be rendered, each with
 * the hash of its inputs and whether it is due (changed or missing). Nothing is rendered here: each
 * output carries a `make` that renders it when the writer gets to it.
 */
export function planOutputs(options: PlanOptions): OutputPlan {
  const { templates, locales, config } = options;
  const defaults = { languages: config?.languages, timezone: config?.timezone, organization: config?.organization };
  const plan: OutputPlan = { outputs: [], logs: 0, failedLogs: 0, loaded: [], findings: [] };
  const checkId = duplicateIdCheck();
  let pdfDue = false;
  const day = new Date(options.now ?? Date.now()).toISOString().slice(0, 10);

  for (const file of options.files) {
    if (options.signal?.aborted) break;
    plan.logs++;
    const text = readText(file);
    const result = readLog(file, { locales, defaults, ...(text === undefined ? {} : { text }) });
    const duplicate = checkId(result);
    const findings = duplicate ? [...result.findings, duplicate] : result.findings;
    const log = result.log;
    plan.findings.push(...findings);
    const ok = Boolean(log) && !findings.some((f) => f.severity === 'error');
    options.onLog({ file, findings, ok });
    if (!log || !ok) {
      plan.failedLogs++;
      continue;
    }
    plan.loaded.push(log);
    removeStalePartials(join(options.outDir, log.id));
    const langs = options.langs.length > 0 ? log.languages.filter((l) => options.langs.includes(l)) : log.languages;
    // What every output of this log is made from; a log without `updated` also depends on the day (overdue actions).
    const logHash = hashParts([version, templates.hash, options.settingsHash, text ?? file, log.updated ? '' : day]);
    for (const kind of options.docs) {
      const sets: { name: string; langs: string[] }[] = langs.map((lang) => ({ name: `${kind}.${lang}`, langs: [lang] }));
      if (kind === 'notice' && langs.length > 0) sets.push({ name: 'notice', langs });
      for (const set of sets) {
        // The page and the notice text of a set are made once, shared by its outputs (HTML, PDF,
        // e-mail, text), and let go after the last due one, so a long batch keeps none.
        let page: string | undefined;
        let plain: string | undefined;
        let remaining = 0;
        const viewsOf = () => set.langs.map((lang) => options.views.get(log, kind, lang));
        const html = () => (page ??= renderPage(templates, kind, viewsOf()));
        const noticeText = () => (plain ??= renderNoticeText(viewsOf()));
        const base = join(options.outDir, log.id, set.name);
        const add = (format: OutputFormat, make: () => string | PdfJob) => {
          const output: PlannedOutput = {
            file,
            path: `${base}.${format}`,
            format,
            hash: hashParts([logHash, kind, set.langs.join(','), format]),
            make: () => {
              try {
                return make();
              } finally {
                if (--remaining <= 0) page = plain = undefined;
              }
            },
            due: false,
          };
          output.due =
            options.force || options.cache.get(relative(options.outDir, output.path)) !== output.hash || !existsSync(output.path);
          if (output.due) remaining++;
          plan.outputs.push(output);
          if (output.due && format === 'pdf' && !pdfDue) {
            pdfDue = true;
            options.onPdfDue();
          }
        };
        if (options.formats.includes('html')) add('html', html);
        if (options.formats.includes('pdf')) add('pdf', () => pdfJob(log, kind, html(), viewsOf(), templates, paper(config)));
        if (kind === 'notice' && options.formats.includes('txt')) add('txt', noticeText);
        if (kind === 'notice' && set.name === 'notice' && options.formats.includes('eml')) {
          const date = new Date(log.updated?.epoch ?? options.now ?? Date.now());
          add('eml', () => renderNoticeEml({ views: viewsOf(), html: html(), text: noticeText(), date, from: config?.sender }));
        }
      }
    }
  }
  return plan;
}

/** The log's text, read once so that the cache hash and the parser see the same bytes; undefined when it cannot be read (readLog then reports why). */
function readText(file: string): string | undefined {
  const read = readLogText(file);
  return 'text' in read ? read.text : undefined;
}

/** Paper size and margins of the PDF from the config (A4 and warta's margins by default). */
function paper(config: DocumentSettings | undefined): Pick<PdfJob, 'format' | 'margin'> {
  if (!config) return {};
  return { format: config.paper.size as PdfJob['format'], margin: config.paper.margin };
}

/** Temporary files left by a run that was killed (SIGKILL, power loss) in the middle of a write. */
function removeStalePartials(dir: string): void {
  // A folder that is a link (planted in the output folder) is never entered: the writes refuse it too.
  if (!existsSync(dir) || lstatSync(dir).isSymbolicLink()) return;
  for (const name of readdirSync(dir)) if (name.endsWith('.partial')) rmSync(join(dir, name), { force: true });
}

function pdfJob(
  log: IncidentLog,
  kind: string,
  html: string,
  views: readonly DocumentView[],
  templates: TemplateSet,
  page: Pick<PdfJob, 'format' | 'margin'>,
): PdfJob {
  const first = views[0] as DocumentView;
  const kindLabel = views.map((v) => v.kindLabel).join(' / ');
  // A document in several languages gets no title in its running header: it would be in one language on every page.
  const title = views.length > 1 ? '' : first.title;
  const parts = {
    // The organization in the document's own language; a document in several languages keeps the primary one.
    left: [views.length > 1 ? log.organization : first.organization, kindLabel].filter(Boolean).join(' · '),
    right: title,
    footer: log.id,
    pageOf: views.map((v) => v.pageOf).join(' · '),
  };
  return {
    html,
    headerLeft: parts.left,
    headerRight: parts.right,
    footerLeft: parts.footer,
    pageOf: parts.pageOf,
    ...page,
    // The running header and footer are templates (partials/pdf-header.hbs, pdf-footer.hbs), overridable per document kind.
    ...renderPdfChrome(templates, kind, views, { ...parts, margin: page.margin }),
  };
}
