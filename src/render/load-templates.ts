import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { embeddedFonts } from './embedded-fonts.js';

/** Templates of a run, compiled once: documents by kind, with partials, helpers and the stylesheet. */
export interface TemplateSet {
  /** Folders read, built-in first; later ones override earlier ones by file name. */
  dirs: string[];
  documents: Map<string, Handlebars.TemplateDelegate>;
  css: string;
  /** Source file of each document template and partial, for messages. */
  sources: Map<string, string>;
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

/**
 * Compiles every document template (`*.hbs` at the top of a templates folder), partial
 * (`partials/*.hbs`) and stylesheet (`styles/*.css`) of the given folders into one isolated
 * Handlebars environment. Templates are data: they get helpers for labels only, no file or
 * network access.
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

  const sources = new Map<string, string>();
  for (const [name, file] of collect(dirs, 'partials', '.hbs')) {
    hbs.registerPartial(name, readFileSync(file, 'utf8'));
    sources.set(`partial:${name}`, file);
  }
  const documents = new Map<string, Handlebars.TemplateDelegate>();
  for (const [name, file] of collect(dirs, '.', '.hbs')) {
    documents.set(name, hbs.compile(readFileSync(file, 'utf8'), { strict: false, noEscape: false, preventIndent: true }));
    sources.set(name, file);
  }
  const css = [embeddedFonts(), ...[...collect(dirs, 'styles', '.css').values()].map((file) => readFileSync(file, 'utf8'))].join('\n');
  return { dirs, documents, css, sources };
}
