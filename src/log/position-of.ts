import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';

/** Each map's pairs by key, built once: a front matter with 100,000 keys and a finding on each stays linear. */
const pairIndex = new WeakMap<YAMLMap, Map<string, Pair>>();

function findPair(map: YAMLMap, key: string): Pair | undefined {
  let index = pairIndex.get(map);
  if (!index) {
    index = new Map();
    for (const item of map.items) {
      if (isPair(item) && isScalar(item.key)) {
        const name = String(item.key.value);
        if (!index.has(name)) index.set(name, item);
      }
    }
    pairIndex.set(map, index);
  }
  return index.get(key);
}

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
    best = { line: Math.max(1, pos.line), column: Math.max(1, pos.col) };
  };
  if (node && (node as Node).range) mark((node as Node).range?.[0]);
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    if (isMap(node)) {
      const pair = findPair(node, String(step));
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
