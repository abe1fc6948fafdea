import { cpSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch, type Browser } from 'puppeteer';
import { buildArchive } from '../../src/archive/build-archive.js';
import { renderLogs } from '../../src/batch/render-logs.js';
import { readLog } from '../../src/log/read-log.js';
import type { IncidentLog } from '../../src/log/types.js';
import { findChromium } from '../../src/pdf/find-chromium.js';
import { locales, tempDir } from '../helpers.js';

/** The repository root. */
export const root = resolve(import.meta.dirname, '../..');

/** "Now" for every archive test: after the samples' 2024 actions fell due, before the 2025 maintenance. */
export const fixedNow = Date.parse('2025-06-19T12:00:00Z');

/** A log written to break things: markup, script, template syntax and spreadsheet formulas in every field that reaches a page, the feed or the CSV. */
export const hostileLog = `---
id: zz-hostile
title: "</script><script>alert('title')</script> & <b>bold</b> {{constructor}}"
type: incident
status: resolved
severity: sev4
timezone: Europe/Amsterdam
detected: 2023-02-01T10:00
resolved: 2023-02-01T11:00
systems: ["<img src=x onerror=alert(1)>"]
actions:
  - title: "=cmd|' /C calc'!A0"
    owner: "Doe, \\"Jane\\"\\nsecond line"
    due: 2023-02-10
    status: open
  - title: "+SUM(A1:A2)"
    owner: "@admin"
    status: open
tags: ["<svg onload=alert(1)>", backup]
---

## Summary

Hostile text: </script><!-- <script>alert(2)</script> {{constructor}} and the unique word quokka.
[a link](javascript:alert(3)) and ![img](https://example.com/x.png)

## Lessons learned

- Never trust input: \`<script>\` stays text.
`;

/** What {@link buildSampleArchive} made. */
export interface SampleArchive {
  /** The output folder. */
  out: string;
  /** The folder of log files (a copy of the samples plus the hostile log). */
  logDir: string;
  logs: IncidentLog[];
}

/**
 * Renders the bundled samples and {@link hostileLog} to HTML, text and e-mail in a temporary
 * folder, adds stand-in PDFs for the payment incident (so PDF links can be checked without
 * printing), and builds the archive over them with {@link fixedNow}.
 */
export async function buildSampleArchive(): Promise<SampleArchive> {
  const logDir = tempDir('warta-archive-logs-');
  cpSync(join(root, 'incidents'), logDir, { recursive: true });
  writeFileSync(join(logDir, 'zz-hostile.md'), hostileLog);
  const files = readdirSync(logDir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => join(logDir, f));
  const out = tempDir('warta-archive-out-');
  await renderLogs({ files, outDir: out, formats: ['html', 'txt', 'eml'], docs: ['report', 'notice', 'lessons'] });
  for (const name of ['report.en.pdf', 'notice.en.pdf', 'notice.pdf', 'lessons.en.pdf'])
    writeFileSync(join(out, '2024-03-05-payment-api-outage', name), '%PDF-1.4\n% stand-in\n');
  const logs = files.map((file) => readLog(file, { locales }).log).filter((log): log is IncidentLog => log !== undefined);
  buildArchive({
    logs,
    outDir: out,
    locales,
    formats: ['html', 'pdf', 'txt', 'eml'],
    docs: ['report', 'notice', 'lessons'],
    now: fixedNow,
    sourceRoot: logDir,
    timezone: 'UTC',
  });
  return { out, logDir, logs };
}

/** The system Chromium through puppeteer, sandbox off when running as root (containers). */
export function launchChromium(): Promise<Browser> {
  const isRoot = process.getuid?.() === 0;
  return launch({
    executablePath: findChromium(),
    headless: true,
    args: isRoot ? ['--no-sandbox', '--headless=new'] : ['--headless=new'],
  });
}
