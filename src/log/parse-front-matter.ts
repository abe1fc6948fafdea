import { LineCounter, parseDocument, type Document } from 'yaml';
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

/**
 * Parses YAML front matter as YAML 1.2 (core schema: dates stay text, nothing is evaluated),
 * refusing duplicate keys and alias bombs. Line numbers match the file's because the text
 * keeps the file's first line (the rest of the opening `---`).
 */
export function parseFrontMatter(yaml: string): ParsedFrontMatter {
  const lineCounter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter, uniqueKeys: true, prettyErrors: false, version: '1.2', schema: 'core', strict: true });
  const findings: ParsedFrontMatter['findings'] = [];
  for (const error of doc.errors) {
    const pos = lineCounter.linePos(error.pos[0]);
    const message = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'invalid YAML';
    findings.push({
      line: pos.line,
      column: pos.col,
      severity: 'error',
      rule: error.code === 'DUPLICATE_KEY' ? 'yaml/duplicate-key' : 'yaml/syntax',
      message: error.code === 'DUPLICATE_KEY' ? `${message}; expected each key once` : `front matter is not valid YAML: ${message}`,
    });
  }
  if (findings.length > 0) return { doc, lineCounter, findings };
  try {
    const data = doc.toJS({ maxAliasCount });
    return { data, doc, lineCounter, findings };
  } catch (error) {
    findings.push({
      line: 2,
      column: 1,
      severity: 'error',
      rule: 'yaml/aliases',
      message: `front matter refused: ${(error as Error).message}; expected at most ${maxAliasCount} alias uses`,
    });
    return { doc, lineCounter, findings };
  }
}
