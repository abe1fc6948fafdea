import { createReadStream, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, resolve, sep } from 'node:path';
import { findLogFiles } from '../batch/find-log-files.js';
import { namesAFolder } from '../batch/names-a-folder.js';
import { lockOutputFolder, type OutputLock } from '../output/output-lock.js';
import { renderLogs } from '../batch/render-logs.js';
import type { WartaConfig } from '../config/types.js';
import type { Finding } from '../log/types.js';
import { builtinTemplatesDir } from '../package-info.js';
import { loadTemplates } from '../render/load-templates.js';
import { liveReloadPath, withLiveReload } from './live-reload.js';
import { previewIndexPage, type Problem } from './problems-page.js';
import { resolveServedPath } from './resolve-served-path.js';
import { watchPaths } from './watch-paths.js';

/** What the preview serves and watches. */
export interface PreviewOptions {
  /** Log files or folders, as given on the command line. */
  paths: readonly string[];
  /** The folder relative paths are read from. */
  cwd: string;
  /** The output folder that is built and served. */
  outDir: string;
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Told what happens, one line at a time: builds, problems. */
  log: (line: string) => void;
  /** Called with the findings of each log read (errors and warnings). */
  onFindings?: (findings: Finding[]) => void;
  /** Settings (warta.config.yaml and flags): its templates folders are used and watched with the built-in one. */
  config?: WartaConfig;
}

/** A running preview. */
export interface PreviewServer {
  /** Where it listens, e.g. `http://127.0.0.1:4173/`. */
  url: string;
  /** How many builds have finished (the first one included). */
  readonly builds: number;
  /** Resolves after the next build finishes. */
  nextBuild(): Promise<void>;
  /** Stops watching, ends open event streams and closes the server. */
  close(): Promise<void>;
}

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.eml': 'message/rfc822',
  '.pdf': 'application/pdf',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/**
 * Builds the output folder (HTML documents and the archive), serves it over HTTP on `host:port`
 * and keeps it current: a changed log is rendered again, a changed template renders every log
 * again, and the archive is rebuilt after either; open pages then reload through an injected
 * EventSource script. Requests can never read outside the output folder, and requests that name
 * another host are refused (a web page cannot reach the preview through DNS rebinding).
 */
export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  // The preview writes into the output folder whenever a log changes: it holds the folder while it serves.
  const lock = await lockOutputFolder(resolve(options.cwd, options.outDir), {
    command: 'preview',
    onWarning: (path, message) => options.log(`${path}: warning: ${message}`),
  });
  try {
    return await servePreview(options, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** {@link startPreview} once the output folder is locked; closing the server releases the lock. */
async function servePreview(options: PreviewOptions, lock: OutputLock): Promise<PreviewServer> {
  const outDir = resolve(options.cwd, options.outDir);
  const templateDirs = [builtinTemplatesDir, ...(options.config?.templates ?? [])];
  const clients = new Set<ServerResponse>();
  // As `warta render`: a folder builds the archive; files alone do not, so that previewing one log
  // never rewrites an archive of many with only that one.
  const withArchive = namesAFolder(options.paths, options.cwd);
  // The id of each log read so far, so that a log broken now still lists the documents it had.
  const idsByFile = new Map<string, string>();
  let previewed: { log: string; id: string | undefined }[] = [];
  let problems: Problem[] = [];
  let builds = 0;
  let waiting: (() => void)[] = [];

  const build = async (changed?: Set<string>) => {
    const started = Date.now();
    const found = findLogFiles(options.paths, options.cwd);
    const files = found.files;
    const where = (path: string) => relative(options.cwd, path) || '.';
    const seen: Problem[] = found.missing.map((m) => `${where(m.path)}:1:1 error file/missing ${m.reason}`);
    problems = seen;
    // The render cache re-renders what changed (a log, or every log after a template change);
    // every log is read, so the archive always lists them all.
    const summary = await renderLogs({
      files,
      outDir,
      formats: ['html'],
      docs: [...loadTemplates(options.config?.templates).documents.keys()],
      templateDirs: options.config?.templates,
      config: options.config,
      archive: withArchive ? { sourceRoot: options.cwd } : undefined,
      lock,
      onEvent: (event) => {
        if (event.type === 'log') {
          if (!changed || changed.has(event.file)) options.onFindings?.(event.findings);
          for (const f of event.findings)
            if (f.severity === 'error') seen.push(`${where(f.file)}:${f.line}:${f.column} ${f.rule} ${f.message}`);
        } else if (event.type === 'failed') seen.push(`${where(event.path)}: failed: ${event.reason}`);
      },
    });
    for (const log of summary.loaded) idsByFile.set(log.file, log.id);
    previewed = files.map((file) => ({ log: where(file), id: idsByFile.get(file) }));
    // Documents written this time (an incident's index.html belongs to the archive, rebuilt every time).
    const rendered = new Set(
      summary.written
        .map((path) => relative(outDir, path).split(sep))
        .filter((parts) => parts.length === 2 && parts[1] !== 'index.html')
        .map((parts) => parts[0]),
    );
    const shown = summary.loaded.filter((log) => rendered.has(log.id)).map((log) => relative(options.cwd, log.file));
    options.log(`built ${shown.length === files.length ? 'every log' : shown.join(', ') || 'the archive'} in ${Date.now() - started} ms`);
  };

  let queue: Promise<void> = Promise.resolve();
  const rebuild = (changed?: Set<string>) => {
    queue = queue.then(async () => {
      try {
        await build(changed);
      } catch (error) {
        options.log(`build failed: ${(error as Error).message.split('\n')[0]}`);
        problems = [...problems, (error as Error).message];
      }
      builds++;
      for (const client of clients) {
        client.write(`event: problems\ndata: ${JSON.stringify(problems)}\n\n`);
        client.write(`event: reload\ndata: ${builds}\n\n`);
      }
      const done = waiting;
      waiting = [];
      for (const resolveWait of done) resolveWait();
    });
    return queue;
  };

  await rebuild();

  const server = createServer((req, res) => handle(req, res));
  const allowedHosts = new Set<string>();
  function handle(req: IncomingMessage, res: ServerResponse) {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    res.setHeader('Referrer-Policy', 'no-referrer');
    const fail = (status: number, text: string) => {
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`${text}\n`);
    };
    if (options.host !== '0.0.0.0' && options.host !== '::' && !allowedHosts.has(String(req.headers.host ?? '').toLowerCase()))
      return fail(403, 'Forbidden: unknown host');
    if (req.method !== 'GET' && req.method !== 'HEAD') return fail(405, 'Method not allowed');
    const target = req.url ?? '/';
    if (target.split('?')[0] === liveReloadPath) {
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
      res.write('retry: 1000\n\n');
      res.write(`event: problems\ndata: ${JSON.stringify(problems)}\n\n`);
      clients.add(res);
      req.on('close', () => clients.delete(res));
      return;
    }
    if (!withArchive && target.split('?')[0] === '/') {
      const page = withLiveReload(
        previewIndexPage(previewed.map(({ log, id }) => ({ log, pages: id === undefined ? [] : htmlPagesOf(id) }))),
      );
      res.writeHead(200, { 'Content-Type': types['.html'] as string, 'Content-Security-Policy': page.csp });
      res.end(req.method === 'HEAD' ? undefined : page.html);
      return;
    }
    const served = resolveServedPath(outDir, target);
    if ('status' in served) return fail(served.status, served.status === 403 ? 'Forbidden' : 'Bad request');
    let path = served.path;
    try {
      if (statSync(path).isDirectory()) path = join(path, 'index.html');
      if (!statSync(path).isFile()) return fail(404, 'Not found');
    } catch {
      return fail(404, 'Not found');
    }
    const type = types[extname(path).toLowerCase()] ?? 'application/octet-stream';
    if (type.startsWith('text/html')) {
      const page = withLiveReload(readFileSync(path, 'utf8'));
      res.writeHead(200, { 'Content-Type': type, 'Content-Security-Policy': page.csp });
      res.end(req.method === 'HEAD' ? undefined : page.html);
      return;
    }
    res.writeHead(200, { 'Content-Type': type, 'Content-Length': statSync(path).size });
    if (req.method === 'HEAD') res.end();
    else createReadStream(path).pipe(res);
  }

  /** The HTML documents of a previewed log, as paths from the output folder. */
  function htmlPagesOf(id: string): string[] {
    try {
      return readdirSync(join(outDir, id))
        .filter((name) => name.endsWith('.html'))
        .sort()
        .map((name) => `${id}/${name}`);
    } catch {
      return [];
    }
  }

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  for (const name of [options.host, 'localhost', '127.0.0.1', '[::1]']) allowedHosts.add(`${name}:${port}`.toLowerCase());
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  allowedHosts.add(`${host}:${port}`.toLowerCase());

  const stopWatching = watchPaths([...options.paths.map((p) => resolve(options.cwd, p)), ...templateDirs], (changed) => {
    // Writes into the output folder (when it lies inside a watched folder) must not trigger a build.
    // Only logs and templates matter: an editor's swap and backup files do not start a build.
    const relevant = new Set(
      [...changed].filter(
        (p) =>
          !p.startsWith(outDir + sep) &&
          p !== outDir &&
          (p.toLowerCase().endsWith('.md') || templateDirs.some((dir) => p.startsWith(resolve(dir) + sep))),
      ),
    );
    if (relevant.size > 0) void rebuild(relevant);
  });

  return {
    url: `http://${host}:${port}/`,
    get builds() {
      return builds;
    },
    nextBuild: () => new Promise<void>((resolveWait) => waiting.push(resolveWait)),
    close: async () => {
      stopWatching();
      for (const client of clients) client.end();
      clients.clear();
      await queue;
      const closed = new Promise<void>((resolveClose) => server.close(() => resolveClose()));
      // Idle keep-alive connections would otherwise hold the server open.
      server.closeAllConnections();
      await closed;
      lock.release();
    },
  };
}
