import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The faces embedded in every document: the body family in the weights the stylesheet uses, and a monospace face for code. */
const faces: { pkg: string; weights: string[] }[] = [
  { pkg: '@fontsource/source-sans-3', weights: ['400', '400-italic', '600', '700'] },
  { pkg: '@fontsource/source-code-pro', weights: ['400'] },
];

/** Characters of the Latin Extended subset (its unicode-range): Dutch, Polish, Vietnamese... but not English or Indonesian. */
const extendedLatin =
  /[\u0100-\u02ba\u02bd-\u02c5\u02c7-\u02cc\u02ce-\u02d7\u02dd-\u02ff\u1d00-\u1dbf\u1e00-\u1eff\u2020\u20a0-\u20ab\u20ad-\u20c4\u2113\u2c60-\u2c7f\ua720-\ua7ff]/;

const cached = new Map<string, string>();

function faceRules(subset: string): string {
  let rules = cached.get(subset);
  if (rules !== undefined) return rules;
  const parts: string[] = [];
  for (const face of faces) {
    const root = dirname(require.resolve(`${face.pkg}/package.json`));
    for (const weight of face.weights) {
      const css = readFileSync(join(root, `${subset}-${weight}.css`), 'utf8');
      parts.push(
        css.replace(/src:\s*url\(\.\/files\/([^)]+\.woff2)\)\s*format\('woff2'\)[^;]*;/g, (_, file: string) => {
          const data = readFileSync(join(root, 'files', file)).toString('base64');
          return `src: url(data:font/woff2;base64,${data}) format('woff2');`;
        }),
      );
    }
  }
  rules = parts.join('\n');
  cached.set(subset, rules);
  return rules;
}

/**
 * `@font-face` rules with the fonts inlined as `data:` URLs, read from the npm font packages, so a
 * document looks the same on every machine and its HTML stays self-contained (no font request).
 * Given the document's text, the Latin Extended faces are embedded only when the text needs them,
 * which halves most documents.
 */
export function embeddedFonts(text?: string): string {
  const extended = text === undefined || extendedLatin.test(text);
  return extended ? `${faceRules('latin')}\n${faceRules('latin-ext')}` : faceRules('latin');
}
