import { version } from '../package-info.js';
import { join, resolve } from 'node:path';
import type { Locales } from '../locale/types.js';
import type { IncidentLog } from '../log/types.js';
import { createViewStore, type ViewStore } from '../model/create-view-store.js';
import { isWartaError, WartaError } from '../errors.js';
import { writeFileAtomic } from '../output/write-file-atomic.js';
import { embeddedFonts } from '../html/embedded-fonts.js';
import { actionsCsv } from './actions-csv.js';
import { buildActionsView } from './actions-view.js';
import { collectActions, type ArchiveAction } from './archive-actions.js';
import { buildArchiveCharts } from './charts/archive-charts.js';
import { buildArchiveEntries, type ArchiveEntry } from './archive-entries.js';
import { loadArchiveTemplates } from './archive-templates.js';
import { loadArchiveText } from './archive-text.js';
import { archiveCsp } from './content-security-policy.js';
import { toIncidentJson, type IncidentsFile } from './incident-json.js';
import { buildIncidentView } from './incident-view.js';
import { buildIndexView } from './index-view.js';
import { buildLessonsView } from './lessons-view.js';
import { noticesAtom } from './notices-atom.js';

/** What {@link buildArchive} builds the archive from. */
export interface BuildArchiveInput {
  /** The logs that rendered (no errors), one per id; a repeated id after the first is left out. */
  logs: IncidentLog[];
  /** The output folder of the render run: documents are found in `<outDir>/<id>/`, the archive is written beside them. */
  outDir: string;
  /** The run's locales (from `loadLocales(templates.dirs)`), for document words and dates. */
  locales: Locales;
  /** Formats the run wrote (`html`, `pdf`, `txt`, `eml`); only files of these formats that exist are linked. */
  formats: readonly string[];
  /** Document kinds the run wrote (`report`, `notice`, `lessons`). */
  docs: readonly string[];
  /** "Now": what open actions are overdue against and the feed's time when no log has one; default `Date.now()`. */
  now?: number;
  /** Language of the archive pages; default `en` (falls back to English words where a language lacks one). */
  lang?: string;
  /** Extra template folders, as for rendering; their `archive/` subfolder overrides the built-in archive templates. */
  templateDirs?: readonly string[];
  /** Absolute address the output folder is published at (ending in `/`): makes the feed's links and ids absolute and unique. */
  baseUrl?: string;
  /** Folder log paths in `incidents.json` are relative to; default the current working folder. */
  sourceRoot?: string;
  /** Timezone of the "overdue as of" date on the actions page; default the machine's. */
  timezone?: string;
  /** Who publishes the archive (page kicker, feed author); default the organization all logs share, if they do. */
  organization?: string;
  /** The views the documents were rendered from, reused for the archive's lessons and notices; default: built here. */
  views?: ViewStore;
  /** The config's branding: its colours (as the documents' CSS variables) and logo (a `data:` URL) in every page's header. */
  theme?: { colors?: Record<string, string>; logo?: string };
}

/** What {@link buildArchive} wrote. */
export interface BuildArchiveResult {
  /** Absolute paths of every file written. */
  written: string[];
  /** Pages and exports that could not be made or written, with why; every other one was written. */
  failed: { path: string; reason: string }[];
}

/**
 * Builds the lessons-learned archive into the output folder, after the documents have been
 * rendered: `index.html` (every log, filterable and searchable, with charts), `<id>/index.html` per
 * log, `actions.html` (open actions across logs), `lessons.html` (lessons by tag and system),
 * `incidents.json`, `actions.csv` and `notices.atom`. Every file is written atomically; every page
 * is self-contained (inline styles and fonts, hashed inline scripts, no request anywhere). Each page
 * and export is made and written on its own: one that fails (a log whose entry throws, an `<id>`
 * folder that is a link) is reported in `failed` and the others are written. A template error
 * stops the whole archive, as it would fail every page.
 */
export function buildArchive(input: BuildArchiveInput): BuildArchiveResult {
  const outDir = resolve(input.outDir);
  const now = input.now ?? Date.now();
  const timezone = input.timezone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  const sourceRoot = resolve(input.sourceRoot ?? process.cwd());
  const seen = new Set<string>();
  const logs = input.logs.filter((log) => !seen.has(log.id) && seen.add(log.id));
  const text = loadArchiveText(input.locales, input.lang ?? 'en', input.templateDirs);
  const templates = loadArchiveTemplates(input.templateDirs);
  const views = input.views ?? createViewStore({ locales: input.locales, now });
  const failed: BuildArchiveResult['failed'] = [];
  const fail = (path: string, error: unknown) => {
    if (isWartaError(error, 'templates')) throw error;
    failed.push({ path, reason: `archive: ${((error as Error)?.message ?? String(error)).split('\n')[0] ?? 'unknown error'}` });
  };
  // A log whose entry cannot be made is left out of the archive, reported as its page.
  const entries = buildArchiveEntries(
    logs,
    {
      views,
      lang: text.lang,
      outDir,
      formats: input.formats,
      docs: input.docs,
    },
    (log, error) => fail(join(outDir, log.id, 'index.html'), error),
  );
  const actions = collectActions(entries, text, now);
  const organizations = new Set(logs.map((l) => l.organization).filter((o): o is string => Boolean(o)));
  const organization = input.organization ?? (organizations.size === 1 ? [...organizations][0] : undefined);
  const css = `${embeddedFonts()}\n${templates.css}${themeCss(input.theme?.colors)}`;
  const written: string[] = [];
  const write = (path: string, make: () => string) => {
    try {
      writeFileAtomic(path, make(), { within: outDir });
      written.push(path);
    } catch (error) {
      fail(path, error);
    }
  };

  const common = {
    lang: text.lang,
    labels: text.labels,
    organization,
    logo: input.theme?.logo,
    openActionCount: actions.filter((a) => a.open).length,
    generatedText: text.t('footer.generated', {
      date: new Intl.DateTimeFormat(text.locale.intl, { day: 'numeric', month: 'long', year: 'numeric', timeZone: timezone }).format(
        new Date(now),
      ),
    }),
  };
  const render = (name: string, view: Record<string, unknown> & { titleCss?: string }, scriptNames: readonly string[] = []): string => {
    const template = templates.pages.get(name);
    if (!template)
      throw new WartaError(
        'templates',
        `no archive template "${name}.hbs"; expected it in the archive/ folder of ${[...(input.templateDirs ?? [])].join(' or ') || 'the built-in templates'}`,
      );
    const scripts = scriptNames.map((s) => {
      const script = templates.scripts.get(s);
      if (script === undefined) throw new WartaError('templates', `no archive script "${s}.js"; expected archive/${s}.js`);
      return script;
    });
    return template({ ...common, ...view, css: view.titleCss ? `${css}\n${view.titleCss}` : css, csp: archiveCsp(scripts), scripts });
  };

  write(join(outDir, 'index.html'), () =>
    render('index', buildIndexView(entries, text, input.locales, buildArchiveCharts(entries, text)), ['filter']),
  );
  write(join(outDir, 'actions.html'), () => render('actions', buildActionsView(actions, text, now, timezone), ['sort']));
  write(join(outDir, 'lessons.html'), () => render('lessons', buildLessonsView(entries, text)));
  const actionsOf = new Map<ArchiveEntry, ArchiveAction[]>();
  for (const action of actions) actionsOf.set(action.entry, [...(actionsOf.get(action.entry) ?? []), action]);
  for (const entry of entries) {
    const own = actionsOf.get(entry) ?? [];
    write(join(outDir, entry.log.id, 'index.html'), () =>
      render('incident', buildIncidentView(entry, own, text, input.locales, sourceRoot)),
    );
  }

  write(join(outDir, 'incidents.json'), () => {
    const file: IncidentsFile = {
      format: 'warta-incidents',
      version: 1,
      generated: new Date(now).toISOString(),
      incidents: entries.map((e) => toIncidentJson(e.log, { date: e.date, documents: e.documents.files, sourceRoot })),
    };
    return `${JSON.stringify(file, null, 2)}\n`;
  });
  write(join(outDir, 'actions.csv'), () => actionsCsv(actions));
  write(join(outDir, 'notices.atom'), () =>
    noticesAtom(entries, {
      views,
      text,
      now,
      baseUrl: input.baseUrl,
      publisher: organization ?? text.t('archive.title'),
      version,
    }),
  );
  return { written, failed };
}

/**
 * The config's colours over the archive's own: the same names as the documents' (`accent`, `ink`,
 * `muted`, ...); a darker accent for hovers is mixed from the accent unless the stylesheet's is kept.
 */
function themeCss(colors: Record<string, string> | undefined): string {
  const entries = Object.entries(colors ?? {});
  if (entries.length === 0) return '';
  const vars = entries.map(([name, value]) => `--${name}: ${value};`);
  if (colors?.accent) vars.push(`--accent-dark: color-mix(in srgb, ${colors.accent} 78%, #000);`);
  return `\n:root { ${vars.join(' ')} }`;
}
