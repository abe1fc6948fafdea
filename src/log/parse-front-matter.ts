import { isAlias, isMap, isPair, isScalar, isSeq, Lexer, LineCounter, parseDocument, type Document } from 'yaml';
import type { Finding } from './types.js';

/** Parsed front matter with the document kept for positions. */
export interface ParsedFrontMatter {
  data?: unknown;
  doc: Document;
  lineCounter: LineCounter;
  findings: Omit<Finding, 'file'>[];
}

/** Aliases allowed in one front matter; a real log needs a handful, an alias bomb needs thousands. */
export const maxAliasCount = 100;

/** How far aliases may expand when they point at values that hold aliases themselves (the YAML library's measure). */
export const maxAliasExpansion = 1000;

/** Largest front matter read, in characters: a real one is a few kilobytes; long text belongs in the body. */
export const maxFrontMatterChars = 1024 * 1024;

/** Deepest nesting of maps and lists allowed; a real log needs five (decision.alternatives[0].option.en). */
export const maxNestingDepth = 32;

interface Position {
  line: number;
  column: number;
}

/**
 * Duplicate keys (every map, in one pass: the YAML library's own check compares each key with every
 * key before it, which takes minutes on a front matter with 100,000 keys), nesting deeper than
 * {@link maxNestingDepth}, and where the first alias is. Iterative, so no nesting can overflow the stack.
 */
function inspect(
  doc: Document,
  at: (offset: number | undefined) => Position,
): { findings: ParsedFrontMatter['findings']; firstAlias?: Position } {
  const findings: ParsedFrontMatter['findings'] = [];
  let firstAlias: number | undefined;
  let tooDeep = false;
  const stack: { node: unknown; depth: number }[] = [{ node: doc.contents, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop() as { node: unknown; depth: number };
    if (isAlias(node)) {
      const offset = node.range?.[0];
      if (offset !== undefined && (firstAlias === undefined || offset < firstAlias)) firstAlias = offset;
      continue;
    }
    if (!isMap(node) && !isSeq(node)) continue;
    if (depth >= maxNestingDepth) {
      if (!tooDeep) {
        findings.push({
          ...at(node.range?.[0]),
          severity: 'error',
          rule: 'yaml/depth',
          message: `front matter is nested more than ${maxNestingDepth} levels deep; expected at most ${maxNestingDepth} levels of maps and lists`,
        });
      }
      tooDeep = true;
      continue;
    }
    const seen = new Map<unknown, Position>();
    const children: { node: unknown; depth: number }[] = [];
    for (const item of node.items) {
      if (isPair(item)) {
        if (isScalar(item.key)) {
          const where = at(item.key.range?.[0]);
          const first = seen.get(item.key.value);
          if (first) {
            findings.push({
              ...where,
              severity: 'error',
              rule: 'yaml/duplicate-key',
              message: `key "${String(item.key.value).slice(0, 60)}" appears twice in one map (first on line ${first.line}); expected each key once`,
            });
          } else seen.set(item.key.value, where);
        } else if (item.key) children.push({ node: item.key, depth: depth + 1 });
        children.push({ node: item.value, depth: depth + 1 });
      } else children.push({ node: item, depth: depth + 1 });
    }
    // Reversed, so the stack hands them out in the order of the file (the first too-deep node is reported).
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i] as { node: unknown; depth: number });
  }
  return { findings, firstAlias: firstAlias === undefined ? undefined : at(firstAlias) };
}

/**
 * Parses YAML front matter as YAML 1.2 (core schema: dates stay text, nothing is evaluated, tags
 * other than the core ones are refused), refusing duplicate keys, deep nesting and alias bombs.
 * Line numbers match the file's because the text keeps the file's first line (the rest of the
 * opening `---`).
 */
export function parseFrontMatter(yaml: string): ParsedFrontMatter {
  const lineCounter = new LineCounter();
  if (yaml.length > maxFrontMatterChars) {
    return {
      doc: parseDocument(''),
      lineCounter,
      findings: [
        {
          line: 1,
          column: 1,
          severity: 'error',
          rule: 'yaml/size',
          message: `front matter is ${(yaml.length / 1048576).toFixed(1)} MB; expected at most ${maxFrontMatterChars / 1048576} MB of keys (long text belongs in the body)`,
        },
      ],
    };
  }
  const aliasAt = excessAlias(yaml);
  if (aliasAt !== undefined) {
    const line = lineOf(yaml, aliasAt);
    return {
      doc: parseDocument(''),
      lineCounter,
      findings: [
        {
          ...line,
          severity: 'error',
          rule: 'yaml/aliases',
          message: `front matter refused: alias number ${maxAliasCount + 1} (an alias bomb would expand without end); expected at most ${maxAliasCount} alias uses`,
        },
      ],
    };
  }
  // resolveKnownTags: false, or the library would still read the YAML 1.1 tags !!binary (a Buffer),
  // !!timestamp, !!set, !!omap and !!pairs with the core schema; they are refused as unknown tags.
  const doc = parseDocument(yaml, {
    lineCounter,
    uniqueKeys: false,
    prettyErrors: false,
    version: '1.2',
    schema: 'core',
    strict: true,
    resolveKnownTags: false,
  });
  const at = (offset: number | undefined): Position => {
    if (offset === undefined) return { line: 2, column: 1 };
    const pos = lineCounter.linePos(offset);
    return { line: Math.max(1, pos.line), column: Math.max(1, pos.col) };
  };
  const findings: ParsedFrontMatter['findings'] = [];
  for (const error of doc.errors) {
    const message = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'invalid YAML';
    const overflow = /call stack/i.test(message);
    findings.push({
      ...at(error.pos[0]),
      severity: 'error',
      rule: overflow ? 'yaml/depth' : 'yaml/syntax',
      message: overflow
        ? `front matter is nested too deeply to read; expected at most ${maxNestingDepth} levels of maps and lists`
        : `front matter is not valid YAML: ${message}`,
    });
  }
  for (const warning of doc.warnings) {
    if (warning.code !== 'TAG_RESOLVE_FAILED' && warning.code !== 'BAD_COLLECTION_TYPE') continue;
    const message = warning.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'unknown tag';
    // "Unresolved tag: tag:yaml.org,2002:binary" names the tag as it is written: !!binary.
    const tag = /^Unresolved tag: (\S+)$/.exec(message)?.[1]?.replace(/^tag:yaml\.org,2002:/, '!!');
    findings.push({
      ...at(warning.pos[0]),
      severity: 'error',
      rule: 'yaml/tag',
      message: `${tag ? `tag ${tag.slice(0, 60)} is refused` : message}; expected plain YAML values without tags (warta reads no custom types)`,
    });
  }
  if (findings.length > 0) return { doc, lineCounter, findings };
  const checked = inspect(doc, at);
  if (checked.findings.length > 0) return { doc, lineCounter, findings: checked.findings };
  try {
    const data: unknown = doc.toJS({ maxAliasCount: maxAliasExpansion });
    return { data, doc, lineCounter, findings };
  } catch (error) {
    const overflow = error instanceof RangeError;
    findings.push({
      ...(checked.firstAlias ?? at(undefined)),
      severity: 'error',
      rule: overflow ? 'yaml/depth' : 'yaml/aliases',
      message: overflow
        ? `front matter refused: its aliases expand to a structure too deep to read; expected at most ${maxNestingDepth} levels of maps and lists`
        : `front matter refused: its aliases point at values holding aliases and would expand too far (an alias bomb); expected aliases that do not nest (${(error as Error).message})`,
    });
    return { doc, lineCounter, findings };
  }
}

/**
 * Offset of the first alias (`*name`) past {@link maxAliasCount}, found by the YAML lexer alone, which
 * is several times faster than a full parse and stops right there: an alias bomb is refused before
 * it is parsed. Quoted and block scalars are single tokens, so a `*` inside text is not counted.
 */
function excessAlias(yaml: string): number | undefined {
  let offset = 0;
  let aliases = 0;
  for (const token of new Lexer().lex(yaml)) {
    // Document start, flow error end and scalar markers are not source text.
    if (token === '\x02' || token === '\x18' || token === '\x1f') continue;
    if (token.startsWith('*') && ++aliases > maxAliasCount) return offset;
    offset += token.length;
  }
  return undefined;
}

/** 1-based line and column of an offset. */
function lineOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, column: offset - start + 1 };
}
