import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { IncidentLog } from '../log/types.js';

/** One document of a log in one language, with the formats that exist on disk (file names inside `output/<id>/`). */
export interface DocumentVersion {
  lang: string;
  html?: string;
  pdf?: string;
  /** Plain text, for the notice only. */
  txt?: string;
}

/** What exists on disk of a log's documents. */
export interface LogDocuments {
  /** Per document kind that has at least one file, in the order asked for. */
  kinds: { kind: string; versions: DocumentVersion[] }[];
  /** The notice with every language in one file, in every format that exists. */
  notice: { html?: string; pdf?: string; txt?: string; eml?: string };
  /** Every file found, as paths relative to the output folder with `/` (`<id>/report.en.html`). */
  files: string[];
}

/**
 * The documents of a log that a render run wrote: each document kind × language of the log ×
 * format asked for (HTML and PDF; for the notice also its all-language HTML, PDF, text and e-mail),
 * kept only when the file is really there, so the archive never links to something missing.
 */
export function findDocuments(log: IncidentLog, outDir: string, formats: readonly string[], docs: readonly string[]): LogDocuments {
  const folder = join(outDir, log.id);
  const has = (name: string) => existsSync(join(folder, name));
  const files: string[] = [];
  const take = (name: string, format: string): string | undefined => {
    if (!formats.includes(format) || !has(name)) return undefined;
    files.push(`${log.id}/${name}`);
    return name;
  };
  const kinds: LogDocuments['kinds'] = [];
  for (const kind of docs) {
    const versions: DocumentVersion[] = [];
    for (const lang of log.languages) {
      const html = take(`${kind}.${lang}.html`, 'html');
      const pdf = take(`${kind}.${lang}.pdf`, 'pdf');
      const txt = kind === 'notice' ? take(`${kind}.${lang}.txt`, 'txt') : undefined;
      if (html || pdf || txt) versions.push({ lang, ...(html ? { html } : {}), ...(pdf ? { pdf } : {}), ...(txt ? { txt } : {}) });
    }
    if (versions.length > 0) kinds.push({ kind, versions });
  }
  const notice: LogDocuments['notice'] = {};
  if (docs.includes('notice')) {
    for (const format of ['html', 'pdf', 'txt', 'eml'] as const) {
      const name = take(`notice.${format}`, format);
      if (name) notice[format] = name;
    }
  }
  return { kinds, notice, files };
}
