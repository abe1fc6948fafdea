/**
 * `npm run bench`: warta against the floor (one browser printing warta's own HTML one document
 * after another with bare puppeteer) and against md-to-pdf, from one run on one machine; plus the
 * unchanged re-run, HTML only, --help, warta's peak memory and, with --pdfs, a 1,000-PDF run.
 * See issue 4. A script, not a test: it reports, it does not fail on a missed target.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { generateLogs, logsForPdfs, type GeneratedLog, type LanguageMix } from './generate-logs.js';
import { countOutputs, listFiles, pdfStats } from './lib/files.js';
import { floorLaunchArgs, printFloor, type FloorResult } from './lib/floor.js';
import { ensureMdToPdf, runMdToPdf, type MdToPdfResult } from './lib/md-to-pdf.js';
import { killEverything, leftoverChromium, rememberChromium, run, signalAll, type RunResult } from './lib/proc.js';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = resolve(benchDir, '..');
const bin = join(root, 'bin', 'warta.js');
const toolsDir = join(benchDir, '.tools');

const sections = ['help', 'html', 'warta', 'floor', 'md-to-pdf', 'rerun', 'pdfs'] as const;
type Section = (typeof sections)[number];

const usage = `npm run bench -- [options]

  --n <N>          incidents in the PDF batch (default 50)
  --pdfs <P>       also render enough incidents for P PDFs in one run (e.g. 1000): failures, peak RSS
  --only <list>    only these sections (comma-separated): ${sections.join(', ')}
  --seed <S>       seed of the generated incidents (default 4)
  --repeat <R>     run warta (b) and the floor (c) R times, alternately, and compare the best (default 1)
  --archive        let warta build its archive site too (default: --no-archive, documents only)
  --keep           keep the temp folder (printed) instead of removing it
  -h, --help       this text

Sections: warta = (b) PDF batch + (h) peak RSS, floor = (c), md-to-pdf = (d), rerun = (e),
html = (f), help = (g), pdfs = (i). Default: all but pdfs; --pdfs adds it.`;

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '50' },
    pdfs: { type: 'string' },
    only: { type: 'string' },
    seed: { type: 'string', default: '4' },
    repeat: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
    archive: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}

const n = Number(values.n);
const seed = Number(values.seed);
const repeat = Number(values.repeat);
let only: Set<Section>;
if (values.only) {
  const asked = values.only
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = asked.filter((s) => !(sections as readonly string[]).includes(s));
  if (unknown.length > 0) {
    process.stderr.write(`bench: unknown section(s) ${unknown.join(', ')}; expected some of ${sections.join(', ')}\n`);
    process.exit(2);
  }
  only = new Set(asked as Section[]);
} else {
  only = new Set(sections.filter((s) => s !== 'pdfs' || values.pdfs !== undefined));
}
const pdfTarget = Number(values.pdfs ?? 1000);
if (
  !Number.isInteger(n) ||
  n < 1 ||
  !Number.isInteger(pdfTarget) ||
  pdfTarget < 1 ||
  !Number.isInteger(seed) ||
  !Number.isInteger(repeat) ||
  repeat < 1
) {
  process.stderr.write('bench: --n, --pdfs, --seed and --repeat take whole numbers (n, pdfs, repeat at least 1)\n');
  process.exit(2);
}

// --- temp folder, cleanup -------------------------------------------------------------------------

const tmp = mkdtempSync(join(tmpdir(), 'warta-bench-'));
let cleaned = false;
function cleanup(): void {
  if (cleaned) return;
  cleaned = true;
  killEverything();
  if (!values.keep) rmSync(tmp, { recursive: true, force: true });
}
process.on('exit', cleanup);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    process.stderr.write(`\nbench: ${signal}, stopping children and Chromium, removing ${tmp}\n`);
    cleanup();
    process.exit(130);
  });
}

// --- output helpers -------------------------------------------------------------------------------

const out = (line = '') => process.stdout.write(`${line}\n`);
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const cpuText = (ms: number | undefined) => (ms === undefined ? '' : ` (CPU ${s(ms)})`);
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const median = (xs: number[]) => {
  if (xs.length === 0) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
};
const hist = (h: Map<number, number>) =>
  [...h.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([pages, count]) => `${count}×${pages}p`)
    .join(' ');
const sum = (logs: readonly GeneratedLog[]) => logs.reduce((t, l) => t + l.pdfs, 0);
function lastLines(text: string, count = 3): string {
  return text
    .trim()
    .split('\n')
    .filter(Boolean)
    .slice(-count)
    .map((l) => `      | ${l.slice(0, 200)}`)
    .join('\n');
}

interface Row {
  measure: string;
  value: string;
  ratio: string;
  target: string;
  ok?: boolean;
}
const rows: Row[] = [];

// --- warta --------------------------------------------------------------------------------------

const renderHelp = await run(process.execPath, [bin, 'render', '--help'], { cwd: root });
if (renderHelp.code !== 0) {
  process.stderr.write(`bench: "warta render --help" failed (is it built? npm run build)\n${renderHelp.stderr}`);
  process.exit(1);
}
/** --force when warta has it: a cold run must render everything, whatever a cache holds. */
const cold = /--force\b/.test(renderHelp.stdout) ? ['--force'] : [];
/**
 * The archive site (index pages, feeds) is not one of the documents the targets are about: off
 * unless --archive, when warta can turn it off.
 */
const archive = !values.archive && /--archive\b/.test(renderHelp.stdout) ? ['--no-archive'] : [];
/** The documents among warta's HTML files: <out>/<id>/<doc>[.<lang>].html, not the archive's pages. */
const isDocumentHtml = (file: string, outDir: string) => /^[^/]+\/(?!index\.html$)[^/]+\.html$/.test(relative(outDir, file));

const needsChromium = ['warta', 'floor', 'md-to-pdf', 'rerun', 'pdfs'].some((x) => only.has(x as Section));
let executablePath = '';
let childEnv: NodeJS.ProcessEnv = process.env;
if (needsChromium) {
  const { findChromium } = await import('../dist/pdf/find-chromium.js');
  executablePath = findChromium();
  childEnv = { ...process.env, WARTA_CHROMIUM: executablePath };
}

function renderArgs(logsDir: string, outDir: string, format: string, extra: readonly string[] = []): string[] {
  return [bin, 'render', logsDir, '-o', outDir, '-f', format, '-q', ...archive, ...extra];
}

interface LogSet {
  dir: string;
  mdDir: string;
  logs: GeneratedLog[];
}
const logSets = new Map<string, LogSet>();
function logSet(count: number, languages: LanguageMix): LogSet {
  const key = `${count}-${languages}`;
  const existing = logSets.get(key);
  if (existing) return existing;
  const dir = join(tmp, `logs-${key}`);
  const mdDir = join(tmp, `md-${key}`);
  const logs = generateLogs({ count, dir, seed, languages, markdownDir: mdDir });
  const set = { dir, mdDir, logs };
  logSets.set(key, set);
  return set;
}

/** PDFs a run printed: its stderr lines that report a failed document. */
const failedLines = (r: RunResult) => r.stderr.split('\n').filter((l) => /fail/i.test(l) && !l.includes('0 failed'));

/** A cold PDF render in a child process: wall time, PDFs, pages, peak RSS, and when things happened. */
async function wartaPdfRun(set: LogSet, outDir: string, label: string) {
  rmSync(outDir, { recursive: true, force: true });
  const r = await run(process.execPath, renderArgs(set.dir, outDir, 'pdf', cold), {
    cwd: root,
    env: childEnv,
    nodeRss: true,
    watch: { intervalMs: 100, countFiles: () => countOutputs(outDir, '.pdf') },
    timeoutMs: 60 * 60_000,
  });
  const stats = pdfStats(outDir);
  const expected = sum(set.logs);
  const tree = r.tree;
  const files = tree?.files ?? [];
  const first = files.find(([, c]) => c > 0)?.[0];
  const last = files.at(-1)?.[0];
  out(
    `  ${label}: ${s(r.wallMs)}${cpuText(r.cpuMs)}, exit ${r.code}${r.timedOut ? ' (timed out)' : ''}; ${stats.pdfs}/${expected} PDFs, ${stats.pages} pages (${hist(stats.histogram)})`,
  );
  out(
    `    phases (from the process tree and the files on disk): start → Chromium ${tree?.chromiumAtMs !== undefined ? s(tree.chromiumAtMs) : 'never'}` +
      `, → first PDF ${first !== undefined ? s(first) : '–'}, → last PDF ${last !== undefined ? s(last) : '–'}, → exit ${s(r.wallMs)}`,
  );
  if (first !== undefined && last !== undefined && stats.pdfs > 1)
    out(`    printing rate between first and last PDF: ${((last - first) / (stats.pdfs - 1)).toFixed(0)} ms per PDF`);
  out(
    `    peak: warta's own process ${r.maxRssKb ? mb(r.maxRssKb) : '?'} RSS; ${tree?.peakRenderers ?? 0} Chromium renderer(s) and ${tree?.peakChromium ?? 0} Chromium processes at once (sum of their RSS ${mb(tree?.peakChromiumRssKb ?? 0)})`,
  );
  const failed = failedLines(r);
  if (r.code !== 0 || failed.length > 0 || stats.pdfs !== expected) out(lastLines(r.stderr || r.stdout, 5));
  return { r, stats, expected, failures: Math.max(0, expected - stats.pdfs) };
}

// --- run ------------------------------------------------------------------------------------------

const started = performance.now();
out(
  `warta bench — ${new Date().toISOString()}, node ${process.version}, ${(await import('node:os')).availableParallelism()} cores, seed ${seed}`,
);
out(`sections: ${[...only].join(', ')}; temp ${tmp}${values.keep ? ' (kept)' : ''}`);
if (needsChromium) out(`Chromium: ${executablePath}`);
out(
  `warta render: ${cold.length ? '--force on cold runs' : 'no --force yet'}` +
    (archive.length
      ? '; --no-archive (documents only)'
      : /--archive\b/.test(renderHelp.stdout)
        ? '; archive site built too (--archive)'
        : ''),
);
out();

// Warm-up: read Chromium, its libraries and the fonts into the page cache once, so whichever section
// comes first does not pay for the disk.
if (needsChromium) {
  const { default: puppeteer } = await import('puppeteer');
  const t = performance.now();
  const browser = await puppeteer.launch({ executablePath, headless: true, args: floorLaunchArgs() });
  const pid = browser.process()?.pid;
  if (pid) rememberChromium(pid);
  const page = await browser.newPage();
  await page.setContent('<p>warm-up</p>');
  await page.pdf({ format: 'A4' });
  await browser.close();
  out(`warm-up: Chromium launch + one PDF + close ${s(performance.now() - t)} (untimed)`);
  out();
}

// (g) --help
if (only.has('help')) {
  out('(g) warta --help, best of 5');
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const r = await run(process.execPath, [bin, '--help'], { cwd: root });
    if (r.code !== 0) out(`  run ${i + 1}: exit ${r.code}\n${lastLines(r.stderr)}`);
    times.push(r.wallMs);
  }
  const best = Math.min(...times);
  out(`  runs: ${times.map((t) => s(t)).join(', ')}; best ${s(best)}`);
  rows.push({ measure: '(g) warta --help (best of 5)', value: s(best), ratio: '', target: '< 0.3 s', ok: best < 300 });
  out();
}

// (f) HTML only, 100 incidents × 3 documents × 2 languages
if (only.has('html')) {
  const set = logSet(100, 'both');
  const expected = set.logs.length * 7;
  out(
    `(f) HTML only: ${set.logs.length} incidents × 3 documents × 2 languages (+ the combined notice) = ${expected} HTML files, best of 3 cold runs`,
  );
  const times: number[] = [];
  let files = 0;
  for (let i = 0; i < 3; i++) {
    const dir = join(tmp, `html-only-${i}`);
    const r = await run(process.execPath, renderArgs(set.dir, dir, 'html', cold), { cwd: root, env: childEnv, nodeRss: true });
    files = listFiles(dir, '.html').filter((f) => isDocumentHtml(f, dir)).length;
    times.push(r.wallMs);
    out(
      `  run ${i + 1}: ${s(r.wallMs)}${cpuText(r.cpuMs)}, exit ${r.code}, ${files} HTML files, peak RSS ${r.maxRssKb ? mb(r.maxRssKb) : '?'}`,
    );
    if (r.code !== 0) out(lastLines(r.stderr));
    rmSync(dir, { recursive: true, force: true });
  }
  const best = Math.min(...times);
  rows.push({
    measure: `(f) HTML only, 100 × 3 docs × 2 langs (${files} files)`,
    value: s(best),
    ratio: '',
    target: '< 2 s',
    ok: best < 2000 && files === expected,
  });
  out();
}

// (b) + (h) warta, PDF batch, and (c) the floor: run alternately, --repeat times.
type WartaRun = Awaited<ReturnType<typeof wartaPdfRun>>;
const wartaRuns: WartaRun[] = [];
const floorRuns: FloorResult[] = [];
if (only.has('warta') || only.has('floor')) {
  const set = logSet(n, 'mixed');
  let htmlFiles: string[] = [];
  const htmlDir = join(tmp, 'floor-html');
  if (only.has('warta'))
    out(`(b) warta: ${n} incidents → ${sum(set.logs)} PDFs (all documents and languages), warta render -f pdf -q in a child process`);
  if (only.has('floor')) {
    const r = await run(process.execPath, renderArgs(set.dir, htmlDir, 'html', cold), { cwd: root, env: childEnv });
    htmlFiles = listFiles(htmlDir, '.html').filter((f) => isDocumentHtml(f, htmlDir));
    out(
      `(c) floor: one Chromium, one page, warta's own ${htmlFiles.length} HTML files (rendered untimed in ${s(r.wallMs)}) printed one after another with setContent + page.pdf`,
    );
  }
  if (repeat > 1) out(`    ${repeat} rounds, warta and floor alternately; the best of each is compared`);
  for (let i = 0; i < repeat; i++) {
    const round = repeat > 1 ? ` ${i + 1}` : '';
    if (only.has('warta')) wartaRuns.push(await wartaPdfRun(set, join(tmp, 'warta-pdf'), `warta${round}`));
    if (only.has('floor')) {
      const floorOut = join(tmp, 'floor-pdf');
      rmSync(floorOut, { recursive: true, force: true });
      const f = await printFloor(htmlFiles, htmlDir, floorOut, executablePath);
      floorRuns.push(f);
      const p = f.phases;
      out(`  floor${round}: ${s(f.wallMs)}${cpuText(f.cpuMs)}; ${f.pdfs} PDFs, ${f.pages} pages, ${f.failures.length} failed`);
      out(
        `    phases: import puppeteer ${s(p.importMs)}, launch ${s(p.launchMs)}, new page ${s(p.newPageMs)}, print ${s(p.printMs)}, close ${s(p.closeMs)}`,
      );
      out(
        `    per document (median / max): setContent ${median(f.perDoc.contentMs).toFixed(0)} / ${Math.max(0, ...f.perDoc.contentMs).toFixed(0)} ms, page.pdf ${median(f.perDoc.pdfMs).toFixed(0)} / ${Math.max(0, ...f.perDoc.pdfMs).toFixed(0)} ms`,
      );
      for (const x of f.failures.slice(0, 3)) out(`    failed ${x.file}: ${x.reason}`);
    }
  }
  out();
}
const best = <T extends { wallMs: number }>(xs: T[]) =>
  xs.reduce<T | undefined>((a, x) => (a === undefined || x.wallMs < a.wallMs ? x : a), undefined);
const floor = best(floorRuns);
const wartaBest = best(wartaRuns.map((w) => ({ ...w, wallMs: w.r.wallMs })));
const warta = wartaBest;
const of = (k: number) => (repeat > 1 ? ` (best of ${k})` : '');
if (floor)
  rows.push({
    measure: `(c) floor: ${floor.pdfs} PDFs, ${floor.pages} pages${of(floorRuns.length)}`,
    value: s(floor.wallMs),
    ratio: '1.00×',
    target: '',
  });
if (warta) {
  const ratio = floor ? warta.r.wallMs / floor.wallMs : undefined;
  const failures = Math.max(...wartaRuns.map((w) => w.failures));
  rows.push({
    measure: `(b) warta: ${n} incidents, ${warta.stats.pdfs}/${warta.expected} PDFs${of(wartaRuns.length)}`,
    value: s(warta.r.wallMs),
    ratio: ratio !== undefined ? `${ratio.toFixed(2)}× floor` : '(no floor run)',
    target: '≤ 1.2× floor, 0 failed',
    // Judged on the ratio as shown (two decimals).
    ok: ratio !== undefined ? Number(ratio.toFixed(2)) <= 1.2 && failures === 0 : undefined,
  });
  if (floor && warta.r.cpuMs) {
    const cpu = warta.r.cpuMs / floor.cpuMs;
    out(
      `CPU time (user + system): warta ${s(warta.r.cpuMs)} = node ${s(warta.r.ownCpuMs ?? 0)} + Chromium ${s(warta.r.cpuMs - (warta.r.ownCpuMs ?? 0))}; ` +
        `floor ${s(floor.cpuMs)} = node ${s(floor.cpuMs - floor.chromiumCpuMs)} + Chromium ${s(floor.chromiumCpuMs)}`,
    );
    out();
    rows.push({
      measure: '    CPU time, warta vs floor (user+sys, Chromium incl.)',
      value: `${s(warta.r.cpuMs)} vs ${s(floor.cpuMs)}`,
      ratio: `${cpu.toFixed(2)}× floor`,
      target: '(info: work done, less noisy)',
    });
    if (warta.stats.pages !== floor.pages)
      out(`note: warta printed ${warta.stats.pages} pages, the floor ${floor.pages} (its simpler header/footer can move a page break)`);
  }
  rows.push({
    measure: "(h) peak RSS of warta's process during (b)",
    value: warta.r.maxRssKb ? mb(Math.max(...wartaRuns.map((w) => w.r.maxRssKb ?? 0))) : '?',
    ratio: '',
    target: '(info; 1,000-PDF target < 300 MB)',
  });
}

// (d) md-to-pdf
let md: MdToPdfResult | undefined;
if (only.has('md-to-pdf')) {
  const set = logSet(n, 'mixed');
  let version = '';
  try {
    version = await ensureMdToPdf(toolsDir, (line) => out(`  ${line}`));
  } catch (error) {
    out(`(d) md-to-pdf: could not install it: ${(error as Error).message}`);
  }
  if (version) {
    const mdFiles = set.logs.map((l) => l.markdownFile as string);
    out(
      `(d) md-to-pdf ${version}: the ${mdFiles.length} logs' bodies as plain Markdown, its CLI with every file at once (one page per file, all concurrently)`,
    );
    md = await runMdToPdf(toolsDir, mdFiles, set.mdDir, executablePath);
    const stats = pdfStats(set.mdDir);
    const failed = md.files - md.pdfs;
    out(
      `  md-to-pdf: ${s(md.run.wallMs)}${cpuText(md.run.cpuMs)}, exit ${md.run.code}${md.run.timedOut ? ' (timed out, killed)' : ''}; ${md.pdfs}/${md.files} PDFs, ${stats.pages} pages (${hist(stats.histogram)}); ${failed} failed`,
    );
    out(
      `    peak: ${md.run.tree?.peakRenderers ?? 0} Chromium renderer(s), ${md.run.tree?.peakChromium ?? 0} Chromium processes at once (sum of their RSS ${mb(md.run.tree?.peakChromiumRssKb ?? 0)})`,
    );
    for (const [message, count] of [...md.errors.entries()].slice(0, 5)) out(`    ${count}× ${message}`);
    const perDoc = md.run.wallMs / Math.max(1, md.files);
    const floorPerDoc = floor ? floor.wallMs / Math.max(1, floor.pdfs) : undefined;
    const wartaPerDoc = warta ? warta.r.wallMs / Math.max(1, warta.stats.pdfs) : undefined;
    out(
      `    per document: md-to-pdf ${perDoc.toFixed(0)} ms` +
        (floorPerDoc ? `, floor ${floorPerDoc.toFixed(0)} ms` : '') +
        (wartaPerDoc ? `, warta ${wartaPerDoc.toFixed(0)} ms` : '') +
        (floor && stats.pages
          ? `; per page: md-to-pdf ${(md.run.wallMs / stats.pages).toFixed(0)} ms, floor ${(floor.wallMs / Math.max(1, floor.pages)).toFixed(0)} ms`
          : ''),
    );
    rows.push({
      measure: `(d) md-to-pdf: ${md.files} docs, ${failed} failed`,
      value: s(md.run.wallMs),
      ratio: floorPerDoc ? `${(perDoc / floorPerDoc).toFixed(2)}× floor per doc` : '(no floor run)',
      target: 'slower than warta (per doc)',
      ok: wartaPerDoc ? perDoc > wartaPerDoc : undefined,
    });
  }
  out();
}

// (e) unchanged re-run, 100 incidents
if (only.has('rerun')) {
  const set = logSet(100, 'mixed');
  const dir = join(tmp, 'rerun');
  out(
    `(e) unchanged re-run: ${set.logs.length} incidents → ${sum(set.logs)} PDFs rendered once (untimed), then again with nothing changed`,
  );
  const firstRun = await wartaPdfRun(set, dir, 'first run');
  const mtimes = new Map(listFiles(dir, '.pdf').map((f) => [f, statSync(f).mtimeMs]));
  const r = await run(process.execPath, renderArgs(set.dir, dir, 'pdf'), {
    cwd: root,
    env: childEnv,
    nodeRss: true,
    watch: { intervalMs: 25 },
    timeoutMs: 60 * 60_000,
  });
  const after = listFiles(dir, '.pdf');
  const rewritten = after.filter((f) => statSync(f).mtimeMs !== mtimes.get(f)).length;
  const launched = r.tree?.chromium ?? false;
  const said = r.stdout.split('\n').find((l) => /log\(s\)|rendered|unchanged/i.test(l));
  out(
    `  second run: ${s(r.wallMs)}${cpuText(r.cpuMs)}, exit ${r.code}; Chromium started: ${launched ? `yes (after ${s(r.tree?.chromiumAtMs ?? 0)})` : 'no'}; ${rewritten}/${after.length} PDFs rewritten`,
  );
  if (said) out(`    warta said: ${said.trim()}`);
  rows.push({
    measure: `(e) unchanged re-run, 100 incidents (${after.length} PDFs)`,
    value: `${s(r.wallMs)}, ${launched ? 'browser launched' : 'no browser'}`,
    ratio: '',
    target: '< 1 s, no browser',
    ok: r.wallMs < 1000 && !launched && r.code === 0,
  });
  rows.push({
    measure: `    (first run of (e): ${firstRun.stats.pdfs}/${firstRun.expected} PDFs)`,
    value: s(firstRun.r.wallMs),
    ratio: floor ? `${(firstRun.r.wallMs / firstRun.stats.pdfs / (floor.wallMs / floor.pdfs)).toFixed(2)}× floor per doc` : '',
    target: '(info)',
  });
  out();
}

// (i) 1,000 PDFs
if (only.has('pdfs')) {
  const count = logsForPdfs(pdfTarget, seed, 'mixed');
  const set = logSet(count, 'mixed');
  out(`(i) ${sum(set.logs)} PDFs in one run: ${count} incidents`);
  const big = await wartaPdfRun(set, join(tmp, 'many-pdf'), 'warta');
  rows.push({
    measure: `(i) ${big.expected} PDFs in one run: ${big.failures} failed`,
    value: `${s(big.r.wallMs)}, RSS ${big.r.maxRssKb ? mb(big.r.maxRssKb) : '?'}`,
    ratio: floor ? `${(big.r.wallMs / big.stats.pdfs / (floor.wallMs / floor.pdfs)).toFixed(2)}× floor per doc` : '',
    target: '0 failed, RSS < 300 MB',
    ok: big.failures === 0 && big.r.code === 0 && (big.r.maxRssKb ?? Infinity) < 300 * 1024,
  });
  rmSync(join(tmp, 'many-pdf'), { recursive: true, force: true });
  out();
} else {
  rows.push({ measure: '(i) 1,000 PDFs in one run', value: 'not run', ratio: '', target: '0 failed, RSS < 300 MB (--pdfs 1000)' });
}

// Nothing left behind?
const leftover = leftoverChromium();
if (leftover.length > 0) {
  out(`warning: ${leftover.length} Chromium process(es) outlived their run (pids ${leftover.join(', ')}); killed`);
  signalAll(leftover, 'SIGKILL');
}

// --- table ----------------------------------------------------------------------------------------

out(`Results (${s(performance.now() - started)} in all; one run, same machine)`);
const header: Row = { measure: 'measure', value: 'value', ratio: 'ratio', target: 'target', ok: undefined };
const cells = (r: Row) => [r.measure, r.value, r.ratio, r.target, r === header ? '' : r.ok === undefined ? '' : r.ok ? '✓' : '✗'];
const widths = [0, 1, 2, 3].map((i) => Math.max(...[header, ...rows].map((r) => (cells(r)[i] as string).length)));
const line = (r: Row) =>
  cells(r)
    .map((c, i) => (i < 4 ? c.padEnd(widths[i] as number) : c))
    .join('  ')
    .trimEnd();
out(line(header));
out(widths.map((w) => '-'.repeat(w)).join('  ') + '  -');
for (const r of rows) out(line(r));
