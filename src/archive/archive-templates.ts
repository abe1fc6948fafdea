import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { builtinTemplatesDir } from '../package-info.js';
import { readTemplate } from '../render/load-templates.js';

/** The archive's templates, compiled: pages by name, the stylesheet and the page scripts. */
export interface ArchiveTemplates {
  pages: Map<string, Handlebars.TemplateDelegate>;
  /** `archive/*.css`, joined. */
  css: string;
  /** `archive/*.js` by file name without `.js`, as text to inline (and hash for the CSP). */
  scripts: Map<string, string>;
}

/**
 * Compiles `archive/*.hbs` (pages), `archive/partials/*.hbs`, `archive/*.css` and `archive/*.js` of
 * the built-in templates folder and the extra ones (a later folder's file replaces an earlier one of
 * the same name), in an isolated Handlebars environment whose only helpers are labels and equality.
 */
export function loadArchiveTemplates(extraDirs: readonly string[] = []): ArchiveTemplates {
  const dirs = [builtinTemplatesDir, ...extraDirs].map((dir) => join(dir, 'archive'));
  const files = (sub: string, extension: string) => {
    const found = new Map<string, string>();
    for (const dir of dirs) {
      const folder = join(dir, sub);
      if (!existsSync(folder)) continue;
      for (const name of readdirSync(folder).sort())
        if (name.endsWith(extension)) found.set(name.slice(0, -extension.length), join(folder, name));
    }
    return found;
  };
  const hbs = Handlebars.create();
  hbs.registerHelper('t', (key: unknown, options: Handlebars.HelperOptions) => {
    const labels = (options.data as { root?: { labels?: Record<string, string> } } | undefined)?.root?.labels ?? {};
    return labels[String(key)] ?? String(key);
  });
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // Parsed now, so a mistake in a user's archive template names its file and line before anything is written.
  for (const [name, file] of files('partials', '.hbs')) hbs.registerPartial(name, readTemplate(file).source);
  const pages = new Map<string, Handlebars.TemplateDelegate>();
  for (const [name, file] of files('.', '.hbs'))
    pages.set(name, hbs.compile(readTemplate(file).source, { strict: false, preventIndent: true }));
  const css = [...files('.', '.css').values()].map((file) => readFileSync(file, 'utf8')).join('\n');
  const scripts = new Map<string, string>();
  // Trailing white space is cut so the hash in the CSP matches the inlined text exactly.
  for (const [name, file] of files('.', '.js')) scripts.set(name, readFileSync(file, 'utf8').trim());
  return { pages, css, scripts };
}
