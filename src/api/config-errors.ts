import { WartaError } from '../errors.js';
import type { Finding } from '../log/types.js';

/** Throws a `usage` {@link WartaError} naming every error of the config file, as the CLI prints them; warnings pass. */
export function throwOnConfigErrors(findings: readonly Finding[]): void {
  const errors = findings.filter((finding) => finding.severity === 'error');
  if (errors.length === 0) return;
  const lines = errors.map((f) => `${f.file}:${f.line}:${f.column} ${f.rule} ${f.message}`);
  throw new WartaError('usage', `the config has ${errors.length} error(s); fix it first:\n${lines.join('\n')}`);
}
