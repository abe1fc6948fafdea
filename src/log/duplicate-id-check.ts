import { relative } from 'node:path';
import type { Finding, LoadResult } from './types.js';

/**
 * A check to feed the logs of a run one by one: it gives an error for a log whose id an earlier
 * log already has, placed on its `id:` line (or line 1 when the id comes from the file name).
 * `validate` and `render` both use it, so a folder that validates also renders.
 */
export function duplicateIdCheck(cwd = process.cwd()): (result: LoadResult) => Finding | undefined {
  const first = new Map<string, string>();
  return ({ file, log }) => {
    if (!log) return undefined;
    const earlier = first.get(log.id);
    if (earlier === undefined) {
      first.set(log.id, file);
      return undefined;
    }
    return {
      file,
      line: log.idLine ?? 1,
      column: 1,
      severity: 'error',
      rule: 'log/duplicate-id',
      message: `id "${log.id}" is already used by ${relative(cwd, earlier) || earlier}; expected every log to have its own id (${log.idLine ? 'change id:' : 'set id: in the front matter'})`,
    };
  };
}
