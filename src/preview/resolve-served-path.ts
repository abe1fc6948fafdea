import { realpathSync } from 'node:fs';
import { resolve, sep } from 'node:path';

/** Where a request path leads: a file inside the served folder, or why it is refused. */
export type ServedPath = { path: string } | { status: 400 | 403 };

/**
 * Maps a request target (`/report.en.html?x`, percent-encoded) to a path inside `root`, refusing
 * anything that would leave it: `..` segments in any spelling (`/../`, `%2e%2e`, `..%2f`), NUL
 * bytes, backslashes, and symbolic links that point outside. `root` must be absolute. The path may
 * not exist; the caller answers 404 then.
 */
export function resolveServedPath(root: string, target: string): ServedPath {
  const raw = target.split(/[?#]/)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return { status: 400 };
  }
  if (!decoded.startsWith('/') || decoded.includes('\0') || decoded.includes('\\')) return { status: 400 };
  if (decoded.split('/').some((segment) => segment === '..')) return { status: 403 };
  const full = resolve(root, `.${decoded}`);
  const inside = (path: string, base: string) => path === base || path.startsWith(base.endsWith(sep) ? base : base + sep);
  if (!inside(full, root)) return { status: 403 };
  try {
    // A symbolic link inside the folder must not lead out of it.
    const real = realpathSync(full);
    if (!inside(real, realpathSync(root))) return { status: 403 };
  } catch {
    // Missing: the caller answers 404.
  }
  return { path: full };
}
