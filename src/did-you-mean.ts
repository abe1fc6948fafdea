/**
 * Edit distance between two texts, for "did you mean": only distances up to 2 matter, so texts
 * whose lengths differ by more come back as 3 at once (a hostile log's megabyte key is never near).
 */
export function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] as number;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] as number;
      row[j] = Math.min(above + 1, (row[j - 1] as number) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] as number;
}

/**
 * The first candidate close to `word` (case-insensitive), for a "did you mean": one edit for every
 * three letters, at most two, so `htm` finds `html` but `fr` is not taken for `id`.
 */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const folded = word.toLowerCase();
  const allowed = Math.min(2, Math.floor(folded.length / 3));
  if (folded.length > 100 || allowed === 0) return undefined;
  for (const candidate of candidates) {
    const other = candidate.toLowerCase();
    if (other !== folded && editDistance(folded, other) <= allowed) return candidate;
  }
  return undefined;
}
