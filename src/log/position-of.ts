import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from 'yaml';

/** Line and column (1-based) of the value at `path` in a YAML document, or of its nearest existing parent. */
export function positionOf(
  doc: Document,
  lineCounter: LineCounter,
  path: readonly PropertyKey[],
  options: { key?: boolean } = {},
): { line: number; column: number } {
  let node: unknown = doc.contents;
  let best: { line: number; column: number } = { line: 2, column: 1 };
  const mark = (offset: number | undefined) => {
    if (offset === undefined) return;
    const pos = lineCounter.linePos(offset);
    best = { line: pos.line, column: pos.col };
  };
  if (node && (node as Node).range) mark((node as Node).range?.[0]);
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(step));
      if (!pair) return best;
      const last = i === path.length - 1;
      if (last && options.key && isScalar(pair.key)) {
        mark(pair.key.range?.[0]);
        return best;
      }
      if (isScalar(pair.key)) mark(pair.key.range?.[0]);
      node = pair.value;
      if (node && (node as Node).range) mark((node as Node).range?.[0]);
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
      if (!node) return best;
      if ((node as Node).range) mark((node as Node).range?.[0]);
    } else {
      return best;
    }
  }
  return best;
}
