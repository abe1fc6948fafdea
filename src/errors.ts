/**
 * What can stop a whole run (not one log). Every layer throws these; only `src/cli/` turns a code
 * into an exit code, and the API lets them through to the caller.
 */
export const errorCodes = ['usage', 'no-browser', 'browser-failed', 'templates', 'output-locked', 'internal'] as const;

/** Why a {@link WartaError} stopped the run. */
export type WartaErrorCode = (typeof errorCodes)[number];

/** An error the user can act on: its message names what was wrong and what was expected, without a stack trace. */
export class WartaError extends Error {
  readonly code: WartaErrorCode;
  constructor(code: WartaErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WartaError';
    this.code = code;
  }
}

/** True when `error` is a {@link WartaError}, with the given code when one is named. */
export function isWartaError(error: unknown, code?: WartaErrorCode): error is WartaError {
  return error instanceof WartaError && (code === undefined || error.code === code);
}
