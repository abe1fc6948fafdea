import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { builtinTemplatesDir } from '../package-info.js';
import { hashParts } from '../hash-parts.js';
import { WartaError } from '../errors.js';
import { embeddedFonts } from '../html/embedded-fonts.js';

/** Templates of a run, compiled once: documents by kind, with partials, helpers and the stylesheet. */
export interface TemplateSet {
  /** Folders read, built-in first; later ones override earlier ones by file name. */
  dirs: string[];
  documents: Map<string, Handlebars.TemplateDelegate>;
  /** The PDF's running header and footer by partial name: `pdf-header`, `pdf-footer`, and `pdf-header-<kind>` / `pdf-footer-<kind>` for one document kind. */
  pdfChrome: Map<string, Handlebars.TemplateDelegate>;
  /** The stylesheets; the fonts are added per document by {@link renderDocument}. */
  css: string;
  /** Source file of each document template (`report`) and partial (`partial:facts`), for messages. */
  sources: Map<string, string>;
  /** Hash of every file that shapes the output (templates, partials, styles, locales, fonts). */
  hash: string;
}

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

/** Line of a Handlebars parse error: its lineNumber, else the "line N" of its message. */
function errorLine(error: unknown): number {
  const { lineNumber, message } = error as { lineNumber?: unknown; message?: unknown };
  if (typeof lineNumber === 'number') return lineNumber;
  return Number(/line (\d+)/.exec(String(message))?.[1] ?? 1);
}

/** Reads a template and checks its syntax now, so a mistake names its file and line before any log is rendered. */
export function readTemplate(file: string): { source: string; ast: hbs.AST.Program } {
  const source = readFileSync(file, 'utf8');
  try {
    return { source, ast: Handlebars.parse(source) };
  } catch (error) {
    const last = (error as Error).message.split('\n').pop()?.trim() ?? String(error);
    // Block mismatches end in " - line:column", which the prefix already says.
    const message = last.replace(/ - \d+:\d+$/, '');
    throw new WartaError('templates', `${file}:${errorLine(error)}: template error: ${message}`, { cause: error });
  }
}

/** Partials a template names as `{{> name}}`, with their lines; dynamic names, @partial-block and inline partials are left out. */
function partialsUsed(ast: hbs.AST.Program): { name: string; line: number }[] {
  const used: { name: string; line: number }[] = [];
  const inline = new Set<string>();
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach(visit);
      return;
    }
    const n = node as {
      type?: string;
      name?: { type?: string; original?: unknown };
      path?: { original?: unknown };
      params?: { value?: unknown }[];
      loc?: hbs.AST.SourceLocation;
    };
    if (n.type === 'PartialStatement' && n.name?.type === 'PathExpression')
      used.push({ name: String(n.name.original), line: n.loc?.start.line ?? 1 });
    if (n.type === 'DecoratorBlock' && n.path?.original === 'inline' && n.params?.[0]) inline.add(String(n.params[0].value));
    for (const [key, value] of Object.entries(node)) if (key !== 'loc') visit(value);
  };
  visit(ast);
  return used.filter((use) => !use.name.startsWith('@') && !inline.has(use.name));
}

/**
 * Compiles every document template (`*.hbs` at the top of a templates folder), partial
 * (`partials/*.hbs`) and stylesheet (`styles/*.css`) of the given folders into one isolated
 * Handlebars environment. Templates are data: they get helpers for labels only, no file or
 * network access. A syntax error throws a WartaError naming the file and line.
 */
export function loadTemplates(extraDirs: readonly string[] = []): TemplateSet {
  const dirs = [builtinTemplatesDir, ...extraDirs];
  const hbs = Handlebars.create();
  hbs.registerHelper('t', function (this: unknown, key: unknown, options: Handlebars.HelperOptions) {
    const own = (this as { labels?: Record<string, string> } | undefined)?.labels;
    const labels = own ?? (options.data as { root?: { labels?: Record<string, string> } } | undefined)?.root?.labels ?? {};
    return labels[String(key)] ?? String(key);
  });
  hbs.registerHelper('eq', (a: unknown, b: unknown) => a === b);

  const hashed: string[] = [];
  const sources = new Map<string, string>();
  const parsed: { file: string; ast: hbs.AST.Program }[] = [];
  for (const [name, file] of collect(dirs, 'partials', '.hbs')) {
    const { source, ast } = readTemplate(file);
    parsed.push({ file, ast });
    hbs.registerPartial(name, source);
    sources.set(`partial:${name}`, file);
    hashed.push(`partial:${name}`, source);
  }
  const documents = new Map<string, Handlebars.TemplateDelegate>();
  for (const [name, file] of collect(dirs, '.', '.hbs')) {
    const { source, ast } = readTemplate(file);
    parsed.push({ file, ast });
    documents.set(name, hbs.compile(source, { strict: false, noEscape: false, preventIndent: true }));
    sources.set(name, file);
    hashed.push(`document:${name}`, source);
  }
  const pdfChrome = new Map<string, Handlebars.TemplateDelegate>();
  for (const name of Object.keys(hbs.partials))
    if (/^pdf-(header|footer)(-[\w-]+)?$/.test(name)) pdfChrome.set(name, hbs.compile(`{{> ${name}}}`, { preventIndent: true }));
  // A partial that does not exist would only fail when a document is rendered; name it now, with its line.
  for (const { file, ast } of parsed) {
    for (const use of partialsUsed(ast)) {
      if (!Object.hasOwn(hbs.partials, use.name)) {
        throw new WartaError(
          'templates',
          `${file}:${use.line}: template error: partial "${use.name}" not found; expected partials/${use.name}.hbs in ${dirs.join(' or ')}`,
        );
      }
    }
  }
  const styles = [...collect(dirs, 'styles', '.css').values()].map((file) => readFileSync(file, 'utf8'));
  const css = styles.join('\n');
  // Every locale file loadLocales reads (.yaml and .yml), so a changed word renders again.
  for (const dir of dirs) {
    const folder = join(dir, 'locales');
    if (!existsSync(folder)) continue;
    for (const name of readdirSync(folder).sort())
      if (/\.ya?ml$/.test(name)) hashed.push(`locale:${dir}:${name}`, readFileSync(join(folder, name), 'utf8'));
  }
  return { dirs, documents, pdfChrome, css, sources, hash: hashParts([...hashed, css, embeddedFonts()]) };
}
