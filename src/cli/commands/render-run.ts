import { relative, resolve } from 'node:path';
import { namesAFolder } from '../../batch/names-a-folder.js';
import { findLogFiles } from '../../batch/find-log-files.js';
import { outputFormats, renderLogs, type OutputFormat } from '../../batch/render-logs.js';
import { loadLocales } from '../../locale/load-locales.js';
import type { DocumentKind } from '../../model/build-view.js';
import { loadTemplates } from '../../render/load-templates.js';
import { printable } from '../../log/printable.js';
import { formatFinding } from '../format-finding.js';
import type { RenderArgs } from './render-args.js';
import { exitCodes, type CliIO } from '../io.js';
import { loadSettings } from '../load-settings.js';
import { parseList } from '../parse-list.js';
import { progressBar } from '../progress-bar.js';
import { WartaError } from '../../errors.js';

export async function render(args: RenderArgs, io: CliIO): Promise<number> {
  const { config, findings: configFindings } = loadSettings(args, io.cwd);
  for (const finding of configFindings) io.stderr(`${formatFinding(finding, io.cwd)}\n`);
  if (configFindings.some((f) => f.severity === 'error')) {
    io.stderr(`warta: fix ${relative(io.cwd, config.file ?? 'the config')} first; nothing was rendered\n`);
    return exitCodes.findings;
  }
  const templates = loadTemplates(config.templates);
  const kinds = [...templates.documents.keys()];
  const formats = args.format === undefined ? config.formats : parseList<OutputFormat>(args.format, outputFormats, 'format');
  const docs = args.doc === undefined ? config.documents : parseList<DocumentKind>(args.doc, kinds, 'doc');
  const unknownDoc = docs.find((doc) => !kinds.includes(doc));
  if (unknownDoc) throw new WartaError('usage', `documents: "${unknownDoc}" has no template; expected one of ${kinds.join(', ')}`);
  const langs = args.lang === undefined ? [] : parseList(args.lang, [...loadLocales(templates.dirs).keys()], 'lang');
  const quiet = args.quiet;
  const found = findLogFiles(args.paths, io.cwd);
  for (const m of found.missing)
    io.stderr(`${printable(m.path)}:1:1 error file/missing ${m.reason}; expected a log file or a folder of logs\n`);
  for (const s of found.skipped) io.stderr(`${printable(s.path)}:1:1 warning file/symlink ${printable(s.reason)}\n`);
  if (found.files.length === 0) {
    io.stderr('warta: no logs found (expected *.md files)\n');
    return exitCodes.findings;
  }
  const jobs = args.jobs;
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1 || jobs > 32))
    throw new WartaError('usage', `--jobs: found ${String(args.jobs)}; expected a whole number from 1 to 32`);
  const started = Date.now();
  const outDir = args.out === undefined ? config.output : resolve(io.cwd, args.out);
  // On a terminal a bar redraws in place; elsewhere (CI, pipes) every document gets its own line.
  const bar = io.isTTY && !quiet ? progressBar(io.stderr) : undefined;
  const above = (write: (text: string) => void, text: string) => {
    bar?.clear();
    write(text);
    bar?.update();
  };
  const summary = await renderLogs({
    templates,
    files: found.files,
    outDir,
    formats,
    docs,
    langs,
    templateDirs: config.templates,
    config,
    archive: (args.archive ?? namesAFolder(args.paths, io.cwd)) ? { sourceRoot: io.cwd, baseUrl: args.baseUrl } : undefined,
    force: args.force,
    signal: io.signal,
    launchPrinter: async () => {
      const { launchPdfPrinter } = await import('../../pdf/pdf-printer.js');
      const { findChromium } = await import('../../pdf/find-chromium.js');
      return launchPdfPrinter({ executablePath: findChromium(io.env ?? process.env), concurrency: jobs });
    },
    onEvent: (event) => {
      if (event.type === 'log') {
        for (const finding of event.findings) {
          if (!quiet || finding.severity === 'error') above(io.stderr, `${formatFinding(finding, io.cwd)}\n`);
        }
        if (!event.ok) above(io.stderr, `${printable(relative(io.cwd, event.file))}: not rendered (fix the errors above)\n`);
      } else if (event.type === 'plan') {
        if (bar) {
          bar.progress.total = event.total;
          bar.update();
        }
      } else if (event.type === 'written') {
        if (bar) {
          bar.progress.written++;
          bar.update();
        } else if (!quiet) io.stdout(`wrote ${printable(relative(io.cwd, event.path))}\n`);
      } else if (event.type === 'skipped') {
        if (bar) {
          bar.progress.unchanged++;
          bar.update();
        } else if (!quiet) io.stdout(`unchanged ${printable(relative(io.cwd, event.path))}\n`);
      } else if (event.type === 'warning') {
        above(io.stderr, `${printable(relative(io.cwd, event.path))}: warning: ${printable(event.message)}\n`);
      } else {
        if (bar) bar.progress.failed++;
        above(io.stderr, `${printable(relative(io.cwd, event.path))}: failed: ${printable(event.reason)}\n`);
      }
    },
  });
  bar?.finish();
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const rendered = summary.logs - summary.failedLogs;
  io.stdout(
    `${summary.logs} log(s): ${rendered} rendered, ${summary.failedLogs} not rendered; ${summary.written.length} file(s) written, ${summary.skipped.length} unchanged, ${summary.failed.length} failed, in ${seconds} s${summary.browserLaunches === 0 ? ' (no browser needed)' : ''}\n`,
  );
  if (summary.interrupted) {
    io.stderr('warta: interrupted; every file written is complete, the rest was not rendered\n');
    return 130;
  }
  return summary.failedLogs > 0 || summary.failed.length > 0 || found.missing.length > 0 ? exitCodes.findings : exitCodes.ok;
}
