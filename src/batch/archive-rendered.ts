import { join } from 'node:path';
import { buildArchive } from '../archive/build-archive.js';
import { outputFormats } from '../config/output-formats.js';
import { isWartaError } from '../errors.js';
import type { Locales } from '../locale/types.js';
import type { IncidentLog } from '../log/types.js';
import type { ViewStore } from '../model/create-view-store.js';

/** What {@link archiveRendered} needs: the run's logs, views and settings. */
export interface ArchiveRenderedOptions {
  logs: IncidentLog[];
  outDir: string;
  locales: Locales;
  /** The views the documents were made from: the archive reuses them instead of building its own. */
  views: ViewStore;
  docs: readonly string[];
  now?: number;
  templateDirs?: readonly string[];
  sourceRoot?: string;
  baseUrl?: string;
  timezone?: string;
  organization?: string;
  /** Language of the archive's pages: the config's primary language. */
  lang?: string;
  theme?: { colors?: Record<string, string>; logo?: string };
}

/**
 * Builds the archive after the documents, linking those that exist. A template error stops the run
 * like any template error; a page or export that fails is one failed output and the others are
 * written; a failure of the whole archive is one failed output (`index.html`), not a crash.
 */
export function archiveRendered(options: ArchiveRenderedOptions): { written: string[]; failed: { path: string; reason: string }[] } {
  try {
    return buildArchive({ ...options, formats: outputFormats });
  } catch (error) {
    if (isWartaError(error, 'templates')) throw error;
    const reason = ((error as Error)?.message ?? String(error)).split('\n')[0] ?? 'unknown error';
    return { written: [], failed: [{ path: join(options.outDir, 'index.html'), reason: `archive: ${reason}` }] };
  }
}
