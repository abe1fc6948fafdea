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
/** Every engine gray-matter knows, made inert: the YAML is parsed elsewhere, with positions and limits. */
const safeEngines = {
  yaml: { parse: () => ({}), stringify: () => '' },
  js: { parse: refuse, stringify: refuse },
  javascript: { parse: refuse, stringify: refuse },
  coffee: { parse: refuse, stringify: refuse },
  coffeescript: { parse: refuse, stringify: refuse },
  cson: { parse: refuse, stringify: refuse },
  json: { parse: refuse, stringify: refuse },
  toml: { parse: refuse, stringify: refuse },
};

/** The language named on the opening line (`---`, `---yaml`, `--- js `), or undefined when it is no opening line. */
function openingLanguage(firstLine: string): string | undefined {
  if (!firstLine.startsWith('---')) return undefined;
  // Trimmed first, so the pattern has no two white-space runs to backtrack between (no ReDoS on a long line).
  const match = /^([A-Za-z0-9_+-]*)$/.exec(firstLine.slice(3).trim());
  return match ? match[1] : undefined;
}

/**
 * Cuts a log into YAML front matter and Markdown body with gray-matter, after refusing anything but
 * YAML: front matter in another language (`---js`, which gray-matter would evaluate as JavaScript)
 * never reaches it. The front matter ends at the first line that is `---` (trailing blanks
 * allowed); warta cuts the text itself, so the line it checks for and the line it cuts at agree.
 * Expects text with `\n` line ends.
 */
export function splitFrontMatter(text: string): SplitLog | SplitProblem {
  const firstEnd = text.indexOf('\n');
  const firstLine = firstEnd === -1 ? text : text.slice(0, firstEnd);
  const opening = openingLanguage(firstLine);
  if (opening === undefined) {
    return {
      line: 1,
      rule: 'front-matter/missing',
      message: 'no front matter; expected the file to start with a line "---", then YAML keys (title, type, status, ...), then "---"',
    };
  }
  const language = opening.toLowerCase();
  if (language !== '' && language !== 'yaml' && language !== 'yml') {
    return {
      line: 1,
      rule: 'front-matter/language',
      message: `front matter in "${opening.slice(0, 40)}" is refused and was not run; expected YAML front matter opened by a plain "---" line`,
    };
  }
  const closing = /\n---[ \t]*(?:\n|$)/g;
  closing.lastIndex = firstLine.length;
  const match = closing.exec(text);
  if (!match) {
    return {
      line: 1,
      rule: 'front-matter/unclosed',
      message: 'front matter is never closed; expected a line "---" after the YAML keys',
    };
  }
  // The YAML keeps the newline that ends the opening line, so its line N is the file's line N.
  const yaml = text.slice(firstLine.length, match.index);
  // gray-matter does the cut the ecosystem expects; its engines are replaced so nothing can ever be
  // evaluated. It ends the front matter at any line that merely starts with "---"; where that differs
  // from the line checked above, the log is refused rather than read two ways.
  const file = matter(text, { language: 'yaml', engines: safeEngines } as never);
  // gray-matter keeps what follows a plain `---` on the opening line (trailing blanks) in its matter.
  const grayYaml = opening === '' ? file.matter.slice(firstLine.length - 3) : file.matter;
  if (grayYaml !== yaml) {
    const early = file.matter.split('\n').length;
    return {
      line: early + 1,
      rule: 'front-matter/delimiter',
      message:
        'a line inside the front matter starts with "---"; expected "---" only on the line that closes the front matter (indent the line or quote the key)',
    };
  }
  const bodyStart = match.index + match[0].length;
  const body = text.slice(bodyStart);
  let bodyLine = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < bodyStart; i = text.indexOf('\n', i + 1)) bodyLine++;
  return { yaml, body, bodyLine };
}
