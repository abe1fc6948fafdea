import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import madge from 'madge';
import { describe, expect, it } from 'vitest';

/**
 * The layers of src/, lowest first. A module may import from its own folder and from any lower
 * layer; never from a higher layer, nor from another folder of its own layer. See the README's
 * source map for what each folder holds.
 */
export const layers: readonly (readonly string[])[] = [
  ['errors.ts', 'hash-parts.ts', 'package-info.ts', 'did-you-mean.ts'],
  ['locale', 'output'],
  ['log'],
  ['config', 'html', 'scaffold'],
  ['model'],
  ['calendar', 'metrics'],
  ['render', 'pdf', 'docx'],
  ['archive'],
  ['batch', 'send'],
  ['preview'],
  ['api'],
  ['cli'],
  ['index.ts'],
];

const src = resolve(import.meta.dirname, '../../src');

/** Every .ts file below a folder. */
function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesBelow(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** The top-level folder or file of src/ that a module belongs to. */
function unitOf(file: string): string {
  return relative(src, file).split(sep)[0] as string;
}

function layerOf(unit: string): number {
  const index = layers.findIndex((layer) => layer.includes(unit));
  if (index === -1) throw new Error(`src/${unit} is in no layer: add it to the table in test/architecture/layers.test.ts`);
  return index;
}

/** Relative imports of a module: static, type-only, re-exports and dynamic `import()`. */
export function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.[^'"]+)['"]/gm)) found.push(match[1] as string);
  return found;
}

/** Every import that breaks the rule, as `from -> to`. */
export function layerViolations(files: readonly string[], read: (file: string) => string): string[] {
  const wrong: string[] = [];
  for (const file of files) {
    const from = unitOf(file);
    for (const specifier of importsOf(read(file))) {
      const target = resolve(dirname(file), specifier.replace(/\.js$/, '.ts'));
      const to = unitOf(target);
      if (to === from) continue;
      if (layerOf(to) >= layerOf(from)) wrong.push(`src/${relative(src, file)} -> src/${relative(src, target)}`);
    }
  }
  return wrong;
}

describe('the layers of src/', () => {
  const files = filesBelow(src);

  it('puts every folder of src/ in a layer', () => {
    const units = new Set(files.map(unitOf));
    for (const unit of units) expect(() => layerOf(unit)).not.toThrow();
  });

  it('has no import that points up or sideways', () => {
    expect(layerViolations(files, (file) => readFileSync(file, 'utf8'))).toEqual([]);
  });

  it('finds an upward or sideways import when there is one (the check can fail)', () => {
    const log = join(src, 'log', 'load-log.ts');
    const upward = "import { main } from '../cli/main.js';\nconst x = await import('../batch/render-logs.js');";
    expect(layerViolations([log], () => upward)).toEqual([
      'src/log/load-log.ts -> src/cli/main.ts',
      'src/log/load-log.ts -> src/batch/render-logs.ts',
    ]);
    const sideways = "import type { X } from '../html/markdown.js';";
    expect(layerViolations([join(src, 'config', 'types.ts')], () => sideways)).toEqual(['src/config/types.ts -> src/html/markdown.ts']);
  });

  it('has no import cycle, type-only imports included (madge)', async () => {
    const graph = await madge(src, { fileExtensions: ['ts'], detectiveOptions: { ts: { skipTypeImports: false } } });
    expect(graph.circular()).toEqual([]);
    expect(Object.keys(graph.obj()).length).toBe(files.length);
  });

  it('madge finds a type-only cycle when there is one (the check can fail)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'warta-cycle-'));
    writeFileSync(join(dir, 'a.ts'), "import type { B } from './b.js';\nexport type A = B[];\n");
    writeFileSync(join(dir, 'b.ts'), "import type { A } from './a.js';\nexport type B = { a: A };\n");
    const graph = await madge(dir, { fileExtensions: ['ts'], detectiveOptions: { ts: { skipTypeImports: false } } });
    expect(graph.circular()).toEqual([['a.ts', 'b.ts']]);
  });
});
