import { createHash } from 'node:crypto';

/** The CSP source expression that allows exactly this inline script, e.g. `'sha256-…'`. */
export function scriptHash(script: string): string {
  return `'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`;
}

/**
 * The Content-Security-Policy of an archive page: nothing may load or connect anywhere; inline
 * styles, `data:` fonts and images are allowed, and scripts only when they are exactly the given
 * inline scripts (by hash, so injected markup could never run code of its own).
 */
export function archiveCsp(scripts: readonly string[] = []): string {
  const directives = [
    "default-src 'none'",
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
    ...(scripts.length > 0 ? [`script-src ${scripts.map(scriptHash).join(' ')}`] : []),
    "base-uri 'none'",
    "form-action 'none'",
  ];
  return directives.join('; ');
}
