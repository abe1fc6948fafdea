#!/usr/bin/env node
// The whole CLI lives in src/cli; this file only hands it the process.
import { main } from '../dist/cli/main.js';

// Ctrl-C or SIGTERM stops the run between documents: files written stay whole, Chromium is closed.
// A second signal ends the process at once.
const controller = new AbortController();
const stop = (signal) => {
  if (controller.signal.aborted) process.exit(signal === 'SIGINT' ? 130 : 143);
  controller.abort();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  isTTY: Boolean(process.stderr.isTTY),
  signal: controller.signal,
});
