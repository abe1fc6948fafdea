import { isWartaError, type WartaErrorCode } from '../errors.js';
import { exitCodes } from './io.js';

/** The exit code of each reason a whole run can stop: all are warta failing (2), not findings in a log. */
const exitCodeOfError: Record<WartaErrorCode, number> = {
  usage: exitCodes.toolFailed,
  'no-browser': exitCodes.toolFailed,
  'browser-failed': exitCodes.toolFailed,
  templates: exitCodes.toolFailed,
  // Another run writes into the output folder: warta could not run, the logs are fine.
  'output-locked': exitCodes.toolFailed,
  internal: exitCodes.toolFailed,
};

/** The exit code of an error that stopped a command: the code's own for a WartaError, 2 for anything else. */
export function exitCodeOf(error: unknown): number {
  return isWartaError(error) ? exitCodeOfError[error.code] : exitCodes.toolFailed;
}
