/**
 * md-to-pdf, the closest peer, on equivalent Markdown. Not a dependency of warta: installed on
 * demand into bench/.tools (gitignored) and run the way its users batch it, its CLI with every file
 * at once (it opens one page per file, all concurrently, in one browser).
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { floorLaunchArgs, floorPdfOptions } from './floor.js';
import { run, type RunResult } from './proc.js';

export function mdToPdfCli(toolsDir: string): string {
  return join(toolsDir, 'node_modules', 'md-to-pdf', 'dist', 'cli.js');
}

/** Installs md-to-pdf into toolsDir unless it is there; returns its version. */
export async function ensureMdToPdf(toolsDir: string, log: (line: string) => void): Promise<string> {
  const cli = mdToPdfCli(toolsDir);
  if (!existsSync(cli)) {
    log(`installing md-to-pdf into ${toolsDir} (once; PUPPETEER_SKIP_DOWNLOAD=1, the system Chromium is used)`);
    const result = await run('npm', ['install', '--prefix', toolsDir, 'md-to-pdf', '--no-save', '--no-audit', '--no-fund'], {
      env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' },
      timeoutMs: 10 * 60_000,
    });
    if (result.code !== 0 || !existsSync(cli)) {
      throw new Error(`npm install md-to-pdf failed (exit ${result.code}): ${result.stderr.trim().split('\n').slice(-3).join(' ')}`);
    }
  }
  const pkg = JSON.parse(readFileSync(join(toolsDir, 'node_modules', 'md-to-pdf', 'package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

export interface MdToPdfResult {
  run: RunResult;
  /** Markdown files given and PDFs written. */
  files: number;
  pdfs: number;
  /** Distinct error messages it printed, with how often. */
  errors: Map<string, number>;
}

/** Converts every file in one CLI call; counts the PDFs written next to them. */
export async function runMdToPdf(
  toolsDir: string,
  mdFiles: readonly string[],
  cwd: string,
  executablePath: string,
): Promise<MdToPdfResult> {
  for (const f of mdFiles) rmSync(f.replace(/\.md$/, '.pdf'), { force: true });
  const launch = { executablePath, headless: true, args: floorLaunchArgs() };
  const pdf = floorPdfOptions;
  const result = await run(
    process.execPath,
    [mdToPdfCli(toolsDir), '--launch-options', JSON.stringify(launch), '--pdf-options', JSON.stringify(pdf), ...mdFiles],
    {
      cwd,
      nodeRss: true,
      watch: { intervalMs: 200, countFiles: () => mdFiles.filter((f) => existsSync(f.replace(/\.md$/, '.pdf'))).length },
      timeoutMs: 15 * 60_000,
    },
  );
  const pdfs = mdFiles.filter((f) => existsSync(f.replace(/\.md$/, '.pdf'))).length;
  const errors = new Map<string, number>();
  for (const line of `${result.stdout}\n${result.stderr}`.split('\n')) {
    const m = /\b(\w*Error): ([^\n]*)/.exec(line);
    if (!m) continue;
    const key = `${m[1]}: ${(m[2] ?? '').replace(/\d+ ?ms/g, 'N ms').slice(0, 100)}`;
    errors.set(key, (errors.get(key) ?? 0) + 1);
  }
  return { run: result, files: mdFiles.length, pdfs, errors };
}
