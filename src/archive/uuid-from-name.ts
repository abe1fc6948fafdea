import { createHash } from 'node:crypto';

/** warta's namespace for name-based UUIDs (itself the v5 UUID of the name "warta" in RFC 4122's URL namespace). */
const wartaNamespace = '5f0fced2-9184-5dc7-82ba-8fe65d02e484';

/**
 * A name-based (version 5, SHA-1) UUID, RFC 4122 §4.3: the same name always gives the same UUID,
 * so a feed entry keeps its id across runs and machines while the incident id stays the same.
 */
export function uuidFromName(name: string, namespace = wartaNamespace): string {
  const ns = Buffer.from(namespace.replace(/-/g, ''), 'hex');
  const hash = createHash('sha1').update(ns).update(name, 'utf8').digest();
  hash[6] = ((hash[6] as number) & 0x0f) | 0x50;
  hash[8] = ((hash[8] as number) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}
