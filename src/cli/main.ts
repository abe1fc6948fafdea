import { createRequire } from 'node:module';
import { relative, resolve } from 'node:path';
import yargs from 'yargs';
import { findLogFiles } from '../build/find-log-files.js';
import { outputFormats, renderLogs, type OutputFormat } from '../build/render-logs.js';
import { loadLocales } from '../locale/load-locales.js';
import { loadLog } from '../log/load-log.js';
import type { Finding } from '../log/types.js';
import { documentKinds, type DocumentKind } from '../model/build-view.js';
import { builtinTemplatesDir } from '../render/load-templates.js';
import { CliError, cliErrorCodes } from './cli-error.js';
import { formatFinding } from './format-finding.js';

/** Where the CLI reads and writes; tests pass their own to run it in-process. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  isTTY?: boolean;
  env?: NodeJS.ProcessEnv;
}

/** Exit codes, as documented in the README. */
export const exitCodes = { ok: 0, findings: 1, toolFailed: 2 } as const;

const version = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;

/** Splits `--format html,pdf --format pdf` style values into one checked list. */
function list<T extends string>(value: unknown, allowed: readonly T[], flag: string): T[] {
  const items = (Array.isArray(value) ? value : [value])
    .flatMap((v) => String(v ?? '').split(','))
    .map((v) => v.trim())
    .filter(Boolean);
  for (const item of items) {
    if (!allowed.includes(item as T)) throw new CliError('usage', `--${flag}: "${item}" is not known; expected one or more of ${allowed.join(', ')}`);
  }
  return [...new Set(items)] as T[];
}

const epilogue = `Exit codes: 0 all fine, 1 findings or a log/document failed, 2 warta itself failed (bad flags, no browser).
The incident log format: docs/incident-format.md`;

/**
 * Runs the warta CLI with the given arguments and returns the exit code. Prints only through `io`
 * and never exits the process, so it can run in-process in tests.
 */
export async function main(argv: readonly string[], io: CliIO): Promise<number> {
  const parser = yargs([...argv])
    .scriptName('warta')
    .usage('$0 <command> [options]\n\nTurn incident logs into a management report, a user notice and a lessons-learned post-mortem, as HTML and PDF.')
    .command('render [paths..]', 'render logs to HTML and PDF documents', (y) =>
      y
        .positional('paths', { describe: 'log files or folders of logs', type: 'string', array: true, default: ['incidents'] })
        .option('out', { alias: 'o', describe: 'output folder', type: 'string', default: 'output' })
        .option('format', {
          alias: 'f',
          describe: 'output formats (comma-separated): html, pdf, txt (plain-text notice for chat), eml (notice as an e-mail)',
          type: 'string',
          array: true,
          default: ['html,pdf,txt,eml'],
        })
        .option('doc', { alias: 'd', describe: 'documents: report, notice, lessons (comma-separated)', type: 'string', array: true, default: ['report,notice,lessons'] })
        .option('lang', { alias: 'l', describe: 'languages to render (comma-separated); default: every language of each log', type: 'string', array: true })
        .option('quiet', { alias: 'q', describe: 'print only problems and the summary', type: 'boolean', default: false })
        .example('$0 render', 'render every log under incidents/ to output/')
        .example('$0 render incidents/2015-12-11-vcenter.md -f pdf -d notice', 'only the notice of one log, as PDF'),
    )
    .command('validate [paths..]', 'check logs and print findings as file:line:column severity rule message', (y) =>
      y
        .positional('paths', { describe: 'log files or folders of logs', type: 'string', array: true, default: ['incidents'] })
        .option('strict', { describe: 'treat warnings (missing translations included) as errors', type: 'boolean', default: false })
        .option('json', { describe: 'print the findings as JSON', type: 'boolean', default: false })
        .example('$0 validate incidents', 'check every log before a pull request is merged'),
    )
    .demandCommand(1, 'Name a command: render or validate.')
    .strict()
    .version(version)
    .alias('h', 'help')
    .alias('v', 'version')
    .epilogue(epilogue)
    .wrap(Math.min(100, process.stdout.columns || 100))
    .exitProcess(false);

  let output = '';
  let parseError: Error | undefined;
  let args: Record<string, unknown>;
  try {
    args = (await parser.parseAsync([...argv], {}, (error: Error | undefined, _argv: unknown, text: string) => {
      if (error) parseError = error;
      output = text;
    })) as Record<string, unknown>;
  } catch (error) {
    parseError = error as Error;
    args = {};
  }
  if (parseError) {
    const shown = output.trim().endsWith(parseError.message) ? output.trim() : `${output ? `${output}\n\n` : ''}warta: ${parseError.message}`;
    io.stderr(`${shown}\n`);
    return exitCodes.toolFailed;
  }
  if (output) {
    io.stdout(`${output}\n`);
    return exitCodes.ok;
  }

  try {
    const command = String((args._ as unknown[])[0]);
    if (command === 'validate') return validateCommand(args, io);
    if (command === 'render') return await renderCommand(args, io);
    throw new CliError('usage', `unknown command "${command}"; expected render or validate`);
  } catch (error) {
    if (error instanceof CliError) {
      io.stderr(`warta: ${error.message}\n`);
      return cliErrorCodes[error.code];
    }
    io.stderr(`warta: internal error: ${(error as Error).stack ?? String(error)}\nPlease report this with the log that caused it.\n`);
    return exitCodes.toolFailed;
  }
}

function validateCommand(args: Record<string, unknown>, io: CliIO): number {
  const found = findLogFiles(args.paths as string[], io.cwd);
  const locales = loadLocales([builtinTemplatesDir]);
  const findings: Finding[] = found.missing.map((m) => ({ file: resolve(io.cwd, m.path), line: 1, column: 1, severity: 'error', rule: 'file/missing', message: `${m.reason}; expected a log file or a folder of logs` }));
  for (const file of found.files) findings.push(...loadLog(file, { locales }).findings);
  const strict = Boolean(args.strict);
  const shown = strict ? findings.map((f) => ({ ...f, severity: 'error' as const })) : findings;
  const errors = shown.filter((f) => f.severity === 'error').length;
  if (args.json) {
    io.stdout(`${JSON.stringify({ files: found.files.map((f) => relative(io.cwd, f)), findings: shown.map((f) => ({ ...f, file: relative(io.cwd, f.file) || f.file })) }, null, 2)}\n`);
  } else {
    for (const finding of shown) io.stdout(`${formatFinding(finding, io.cwd)}\n`);
    const warnings = shown.length - errors;
    io.stderr(`${found.files.length} log(s) checked: ${errors} error(s), ${warnings} warning(s)\n`);
  }
  if (found.files.length === 0 && found.missing.length === 0) {
    io.stderr('warta: no logs found (expected *.md files)\n');
    return exitCodes.findings;
  }
  return errors > 0 ? exitCodes.findings : exitCodes.ok;
}

async function renderCommand(args: Record<string, unknown>, io: CliIO): Promise<number> {
  const formats = list<OutputFormat>(args.format, outputFormats, 'format');
  const docs = list<DocumentKind>(args.doc, documentKinds, 'doc');
  const langs = args.lang === undefined ? [] : list(args.lang, loadLocalesCodes(), 'lang');
  const quiet = Boolean(args.quiet);
  const found = findLogFiles(args.paths as string[], io.cwd);
  for (const m of found.missing) io.stderr(`${m.path}:1:1 error file/missing ${m.reason}; expected a log file or a folder of logs\n`);
  if (found.files.length === 0) {
    io.stderr('warta: no logs found (expected *.md files)\n');
    return exitCodes.findings;
  }
  const started = Date.now();
  const outDir = String(args.out);
  const summary = await renderLogs({
    files: found.files,
    outDir: resolve(io.cwd, outDir),
    formats,
    docs,
    langs,
    launchPrinter: async () => {
      const { launchPdfPrinter } = await import('../pdf/pdf-printer.js');
      const { findChromium } = await import('../pdf/find-chromium.js');
      return launchPdfPrinter({ executablePath: findChromium(io.env ?? process.env) });
    },
    onEvent: (event) => {
      if (event.type === 'log') {
        for (const finding of event.findings) {
          if (!quiet || finding.severity === 'error') io.stderr(`${formatFinding(finding, io.cwd)}\n`);
        }
        if (!event.ok) io.stderr(`${relative(io.cwd, event.file)}: not rendered (fix the errors above)\n`);
      } else if (event.type === 'written') {
        if (!quiet) io.stdout(`wrote ${relative(io.cwd, event.path)}\n`);
      } else {
        io.stderr(`${relative(io.cwd, event.path)}: failed: ${event.reason}\n`);
      }
    },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  io.stdout(
    `${summary.logs} log(s): ${summary.logs - summary.failedLogs} rendered, ${summary.failedLogs} not rendered; ${summary.written.length} file(s) written, ${summary.failed.length} failed, in ${seconds} s\n`,
  );
  return summary.failedLogs > 0 || summary.failed.length > 0 || found.missing.length > 0 ? exitCodes.findings : exitCodes.ok;
}

function loadLocalesCodes(): string[] {
  return [...loadLocales([builtinTemplatesDir]).keys()];
}
