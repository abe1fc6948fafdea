import { relative } from 'node:path';
import { printable } from '../log/printable.js';
import type { Finding } from '../log/types.js';

/** A finding as one line, `file:line:column severity rule message`, with the file relative to `cwd`. */
export function formatFinding(finding: Finding, cwd: string): string {
  const file = relative(cwd, finding.file) || finding.file;
  return printable(`${file}:${finding.line}:${finding.column} ${finding.severity} ${finding.rule} ${finding.message}`);
}
