import matter from 'gray-matter';

/** The two parts of a log file, with where the body starts. */
export interface SplitLog {
  /** Raw YAML text; its line N is line N of the file. */
  yaml: string;
  body: string;
  /** 1-based file line on which `body`'s first line stands. */
  bodyLine: number;
}

/** Why a file could not be split into front matter and body. */
export interface SplitProblem {
  line: number;
  rule: string;
  message: string;
}

const refuse = () => {
  throw new Error('warta never evaluates front matter as code');
};

/**
 * Cuts a log into YAML front matter and Markdown body with gray-matter, after refusing anything
 * but YAML: gray-matter would evaluate `---js` front matter as JavaScript, which must never happen.
 * Expects text with `\n` line ends.
 */
export function splitFrontMatter(text: string): SplitLog | SplitProblem {
  const firstLine = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'));
  const opening = /^---\s*([A-Za-z0-9_+-]*)\s*$/.exec(firstLine);
  if (!opening) {
    return {
      line: 1,
      rule: 'front-matter/missing',
      message: 'no front matter; expected the file to start with a line "---", then YAML keys (title, type, status, ...), then "---"',
    };
  }
  const language = (opening[1] ?? '').toLowerCase();
  if (language !== '' && language !== 'yaml' && language !== 'yml') {
    return {
      line: 1,
      rule: 'front-matter/language',
      message: `front matter in "${opening[1]}" is refused and was not run; expected YAML front matter opened by a plain "---" line`,
    };
  }
  const closing = /\n---[ \t]*(\n|$)/.exec(text.slice(firstLine.length));
  if (!closing) {
    return {
      line: 1,
      rule: 'front-matter/unclosed',
      message: 'front matter is never closed; expected a line "---" after the YAML keys',
    };
  }
  const file = matter(text, {
    language: 'yaml',
    engines: {
      // Only the raw text is used; the YAML itself is parsed with positions elsewhere.
      yaml: { parse: () => ({}), stringify: () => '' },
      js: { parse: refuse, stringify: refuse },
      javascript: { parse: refuse, stringify: refuse },
      coffee: { parse: refuse, stringify: refuse },
      coffeescript: { parse: refuse, stringify: refuse },
    } as never,
  });
  const yaml = file.matter;
  const body = file.content;
  const bodyStart = text.endsWith(body) ? text.length - body.length : text.length;
  const bodyLine = text.slice(0, bodyStart).split('\n').length;
  return { yaml, body, bodyLine };
}
