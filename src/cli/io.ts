/** Where the CLI reads and writes; tests pass their own to run it in-process. */
export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  isTTY?: boolean;
  env?: NodeJS.ProcessEnv;
  /** Aborted on Ctrl-C / SIGTERM, so long commands can stop cleanly. */
  signal?: AbortSignal;
}

/** Exit codes, as documented in the README. */
export const exitCodes = { ok: 0, findings: 1, toolFailed: 2 } as const;
