#!/usr/bin/env node
// The whole CLI lives in src/cli; this file only hands it the process.
import { main } from '../dist/cli/main.js';

// Ctrl-C, SIGTERM or SIGHUP (the terminal closed) stops the run between documents: files written
// stay whole, Chromium is closed. A second signal ends the process at once.
const controller = new AbortController();
const exitCodes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };
const stop = (signal) => {
  // After a hangup the terminal is gone: what warta still prints must not fail the clean-up.
  if (signal === 'SIGHUP') for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  if (controller.signal.aborted) process.exit(exitCodes[signal]);
  controller.abort();
};
for (const signal of Object.keys(exitCodes)) process.on(signal, stop);

process.exitCode = await main(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  isTTY: Boolean(process.stderr.isTTY),
  signal: controller.signal,
});
