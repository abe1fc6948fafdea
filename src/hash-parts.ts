import { createHash } from 'node:crypto';

/** A hex SHA-256 of the parts, each length-prefixed so that no two lists of parts hash alike. */
export function hashParts(parts: readonly (string | Uint8Array)[]): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    const data = typeof part === 'string' ? Buffer.from(part) : part;
    hash.update(`${data.length}:`);
    hash.update(data);
  }
  return hash.digest('hex');
}
