import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { hashParts } from '../build/render-cache.js';
import { CliError } from '../cli/cli-error.js';
import { embeddedFonts } from './embedded-fonts.js';

/** Templates of a run, compiled once: documents by kind, with partials, helpers and the stylesheet. */
export interface TemplateSet {
  /** Folders read, built-in first; later ones override earlier ones by file name. */
  dirs: string[];
  documents: Map<string, Handlebars.TemplateDelegate>;
  css: string;
  /** Source file of each document template (`report`) and partial (`partial:facts`), for messages. */
  sources: Map<string, string>;
  /** Hash of every file that shapes the output (templates, partials, styles, locales, fonts). */
  hash: string;
}

/** The templates folder shipped with warta. */
export const builtinTemplatesDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../templates');

/** Files of a kind found in the folders, a later folder's file overriding an earlier one of the same name. */
function collect(dirs: readonly string[], sub: string, extension: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const dir of dirs) {
    const folder = join(dir, sub);
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort()) {
      if (name.endsWith(extension)) found.set(name.slice(0, -extension.length), join(folder, name));
    }
  }
  return found;
}

/** Reads a template and checks its syntax now, so a mistake names its file and line before any log is rendered. */
function readTemplate(file: string): string {
  const source = readFileSync(file, 'utf8');
  try {
    Handlebars.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    const line = /line (\d+)/.exec(message)?.[1] ?? '1';
    throw new CliError('templates', `${file}:${line}: template error: ${message.split('\n').pop()?.trim() ?? message}`, { cause: error });
  }
  return source;
}

/**
 * Compiles every document template (`*.hbs` at the top of a templates folder), partial
 * (`partials/*.hbs`) and stylesheet (`styles/*.css`) of the given folders into one isolated
 * Handlebars environment. Templates are data: they get helpers for labels only, no file or
 * network access. A syntax error throws a CliError naming the file and line.
 */
export function loadTemplates(extraDirs: readonly string[] = []): TemplateSet {
  const dirs = [builtinTemplatesDir, ...extraDirs];
  const hbs = Handlebars.create();
  hbs.registerHelper('t', function (this: unknown, key: unknown, options: Handlebars.HelperOptions) {
    const own = (this as { labels?: Record<string, string> } | undefined)?.labels;
    const labels = own ?? (options.data?.root as { labels?: Record<string, string> } | undefined)?.labels ?? {};
    return labels[String(key)] ?? String(key);
  });
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);

  const hashed: string[] = [];
  const sources = new Map<string, string>();
  for (const [name, file] of collect(dirs, 'partials', '.hbs')) {
    const source = readTemplate(file);
    hbs.registerPartial(name, source);
    sources.set(`partial:${name}`, file);
    hashed.push(`partial:${name}`, source);
  }
  const documents = new Map<string, Handlebars.TemplateDelegate>();
  for (const [name, file] of collect(dirs, '.', '.hbs')) {
    const source = readTemplate(file);
    documents.set(name, hbs.compile(source, { strict: false, noEscape: false, preventIndent: true }));
    sources.set(name, file);
    hashed.push(`document:${name}`, source);
  }
  const styles = [...collect(dirs, 'styles', '.css').values()].map((file) => readFileSync(file, 'utf8'));
  const fonts = embeddedFonts();
  const css = [fonts, ...styles].join('\n');
  for (const [name, file] of collect(dirs, 'locales', '.yaml')) hashed.push(`locale:${name}`, readFileSync(file, 'utf8'));
  return { dirs, documents, css, sources, hash: hashParts([...hashed, css]) };
}
