/** What can stop a whole run (not one log), each with the exit code the CLI gives it. */
export const cliErrorCodes = {
  usage: 2,
  'no-browser': 2,
  'browser-failed': 2,
  templates: 2,
  internal: 2,
} as const;

export type CliErrorCode = keyof typeof cliErrorCodes;

/** An error the user can act on; the CLI prints its message without a stack trace. */
export class CliError extends Error {
  readonly code: CliErrorCode;
  constructor(code: CliErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CliError';
    this.code = code;
  }
}
