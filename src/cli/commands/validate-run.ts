import { relative, resolve } from 'node:path';
import { findLogFiles } from '../../batch/find-log-files.js';
import { loadLocales } from '../../locale/load-locales.js';
import { duplicateIdCheck } from '../../log/duplicate-id-check.js';
import { readLog } from '../../log/read-log.js';
import type { Finding } from '../../log/types.js';
import { builtinTemplatesDir } from '../../package-info.js';
import { formatFinding } from '../format-finding.js';
import type { ValidateArgs } from './validate-args.js';
import { exitCodes, type CliIO } from '../io.js';
import { loadSettings } from '../load-settings.js';

export function validate(args: ValidateArgs, io: CliIO): number {
  const found = findLogFiles(args.paths, io.cwd);
  const settings = loadSettings(args, io.cwd);
  const { config } = settings;
  const locales = loadLocales([builtinTemplatesDir, ...config.templates]);
  const defaults = { languages: config.languages, timezone: config.timezone, organization: config.organization };
  const findings: Finding[] = [...settings.findings];
  findings.push(
    ...found.missing.map((m): Finding => ({
      file: resolve(io.cwd, m.path),
      line: 1,
      column: 1,
      severity: 'error',
      rule: 'file/missing',
      message: `${m.reason}; expected a log file or a folder of logs`,
    })),
  );
  findings.push(
    ...found.skipped.map((s): Finding => ({
      file: resolve(io.cwd, s.path),
      line: 1,
      column: 1,
      severity: 'warning',
      rule: 'file/symlink',
      message: s.reason,
    })),
  );
  const checkId = duplicateIdCheck(io.cwd);
  for (const file of found.files) {
    const result = readLog(file, { locales, defaults });
    const duplicate = checkId(result);
    findings.push(...result.findings, ...(duplicate ? [duplicate] : []));
  }
  const strict = args.strict;
  const shown = strict ? findings.map((f) => ({ ...f, severity: 'error' as const })) : findings;
  const errors = shown.filter((f) => f.severity === 'error').length;
  if (args.json) {
    io.stdout(
      `${JSON.stringify({ files: found.files.map((f) => relative(io.cwd, f)), findings: shown.map((f) => ({ ...f, file: relative(io.cwd, f.file) || f.file })) }, null, 2)}\n`,
    );
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
