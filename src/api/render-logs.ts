import { resolve } from 'node:path';
import { findLogFiles } from '../batch/find-log-files.js';
import { renderLogs as renderBatch, type RenderOptions, type RenderSummary } from '../batch/render-logs.js';
import { WartaError } from '../errors.js';
import { findChromium } from '../pdf/find-chromium.js';
import { apiConfig, type SettingsOptions } from './api-config.js';
import { throwOnConfigErrors } from './config-errors.js';
import { namesAFolder } from '../batch/names-a-folder.js';

/**
 * Options of {@link renderLogs}: every one optional, with the CLI's defaults (`warta render`).
 * Relative paths start from `cwd`.
 */
export interface RenderLogsOptions extends SettingsOptions, Partial<Omit<RenderOptions, 'files' | 'config' | 'templateDirs'>> {
  /** Log files or folders of logs; default `['incidents']`, as `warta render`. */
  files?: readonly string[];
  /** PDF pages printed at once (`--jobs`); default the cores, at most 4. */
  jobs?: number;
  /** Where to look for Chromium (`WARTA_CHROMIUM`, `PUPPETEER_EXECUTABLE_PATH`); default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

/**
 * Renders logs as `warta render` does: the nearest `warta.config.yaml` (unless `config` says
 * otherwise) gives the output folder, formats, documents, templates, colours, paper and logo; a
 * folder among `files` also builds the archive; PDFs print in the system Chromium, found as the CLI
 * finds it. Before anything is written it throws a `WartaError` when the config has errors, a path
 * does not exist, or PDFs are asked and no browser is found; a bad log is reported in the summary
 * and the others are rendered.
 */
export async function renderLogs(options: RenderLogsOptions = {}): Promise<RenderSummary> {
  const { config, findings, cwd } = apiConfig(options);
  throwOnConfigErrors(findings);
  const paths = options.files ?? ['incidents'];
  const found = findLogFiles(paths, cwd);
  if (found.missing.length > 0)
    throw new WartaError(
      'usage',
      `not found: ${found.missing.map((m) => `${m.path} (${m.reason})`).join(', ')}; expected log files or folders of logs`,
    );
  const formats = options.formats ?? config.formats;
  const executablePath = formats.includes('pdf') ? findChromium(options.env ?? process.env) : undefined;
  return renderBatch({
    ...options,
    files: found.files,
    outDir: options.outDir === undefined ? config.output : resolve(cwd, options.outDir),
    formats,
    docs: options.docs ?? config.documents,
    templateDirs: config.templates,
    config,
    archive: options.archive ?? (namesAFolder(paths, cwd) ? { sourceRoot: cwd } : undefined),
    launchPrinter:
      options.launchPrinter ??
      (async () => {
        const { launchPdfPrinter } = await import('../pdf/pdf-printer.js');
        return launchPdfPrinter({ executablePath, concurrency: options.jobs });
      }),
  });
}
