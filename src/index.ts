/**
 * warta's programmatic API: read incident logs, render their documents, and run whole batches.
 *
 * ```ts
 * import { loadLog, renderDocument } from 'warta';
 * const { log, findings } = loadLog('incidents/2015-12-11-vcenter.md');
 * if (log) writeFileSync('report.html', renderDocument(log, 'report', { langs: ['id'] }));
 * ```
 */
export { loadLog, type LoadLogApiOptions } from './api/load-log.js';
export { renderDocument, type RenderDocumentOptions } from './api/render-document.js';
export { renderLogs, type RenderLogsOptions } from './api/render-logs.js';
export type { ConfigOption, SettingsOptions } from './api/api-config.js';
export { outputFormats, type OutputFormat, type RenderOptions, type RenderSummary, type RenderEvent } from './batch/render-logs.js';
export { findLogFiles } from './batch/find-log-files.js';
export { loadConfig, findConfigFile } from './config/load-config.js';
export { defaultConfig, type WartaConfig } from './config/types.js';
export { frontMatterJsonSchema } from './log/front-matter-json-schema.js';
export { launchPdfPrinter, type PdfJob, type PdfPrinter, type PdfPrinterOptions } from './pdf/pdf-printer.js';
export { findChromium } from './pdf/find-chromium.js';
export { WartaError, isWartaError, errorCodes, type WartaErrorCode } from './errors.js';
export { main, exitCodes, type CliIO } from './cli/main.js';
export type {
  IncidentLog,
  LoadResult,
  Finding,
  Severity,
  Localized,
  LogTime,
  Section,
  TimelineEvent,
  ActionItem,
  Decision,
} from './log/types.js';
export type { DocumentView, DocumentKind } from './model/build-view.js';
