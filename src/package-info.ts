import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder warta is installed in (holds package.json and templates/), from src/ or dist/src/ alike. */
function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!isPackageRoot(dir)) {
    const up = dirname(dir);
    if (up === dir) throw new Error('warta: package.json not found above its own code');
    dir = up;
  }
  return dir;
}

function isPackageRoot(dir: string): boolean {
  try {
    return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown }).name === 'warta';
  } catch {
    return false;
  }
}

const root = packageRoot();

/** warta's version, from its package.json: part of every cache key and of the feed's generator. */
export const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

/** The templates folder shipped with warta. */
export const builtinTemplatesDir = resolve(root, 'templates');
