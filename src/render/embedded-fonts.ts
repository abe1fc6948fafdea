import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The faces embedded in every document: the body family in the weights the stylesheet uses, and a monospace face for code. */
const faces: { pkg: string; weights: string[] }[] = [
  { pkg: '@fontsource/source-sans-3', weights: ['400', '400-italic', '600', '700'] },
  { pkg: '@fontsource/source-code-pro', weights: ['400'] },
];
/** Latin and Latin Extended cover Indonesian, English and most European languages. */
const subsets = ['latin', 'latin-ext'];

let cached: string | undefined;

/**
 * `@font-face` rules with the fonts inlined as `data:` URLs, read from the npm font packages, so a
 * document looks the same on every machine and its HTML stays self-contained (no font request).
 */
export function embeddedFonts(): string {
  if (cached !== undefined) return cached;
  const rules: string[] = [];
  for (const face of faces) {
    const root = dirname(require.resolve(`${face.pkg}/package.json`));
    for (const subset of subsets) {
      for (const weight of face.weights) {
        const css = readFileSync(join(root, `${subset}-${weight}.css`), 'utf8');
        rules.push(
          css.replace(/src:\s*url\(\.\/files\/([^)]+\.woff2)\)\s*format\('woff2'\)[^;]*;/g, (_, file: string) => {
            const data = readFileSync(join(root, 'files', file)).toString('base64');
            return `src: url(data:font/woff2;base64,${data}) format('woff2');`;
          }),
        );
      }
    }
  }
  cached = rules.join('\n');
  return cached;
}
