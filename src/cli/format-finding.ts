import { relative } from 'node:path';
import type { Finding } from '../log/types.js';

// Control characters, line breaks and bidi overrides in a file name or message could forge output lines.
const unsafe = /[\p{Cc}\p{Cs}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

/** Text safe to print on one terminal line: every control or bidi character shown as `\uXXXX`. */
export function printable(text: string): string {
  return text.replace(unsafe, (c) => `\\u${(c.codePointAt(0) as number).toString(16).padStart(4, '0')}`);
}

/** A finding as one line, `file:line:column severity rule message`, with the file relative to `cwd`. */
export function formatFinding(finding: Finding, cwd: string): string {
  const file = relative(cwd, finding.file) || finding.file;
  return printable(`${file}:${finding.line}:${finding.column} ${finding.severity} ${finding.rule} ${finding.message}`);
}
