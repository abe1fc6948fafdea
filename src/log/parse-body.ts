import MarkdownIt from 'markdown-it';
import type { Locales } from '../locale/types.js';
import { didYouMean } from '../did-you-mean.js';
import { zoneAbbreviations } from '../locale/zone-names.js';
import type { Finding, Section } from './types.js';

/** The body of a log cut into known and custom sections, per language. */
export interface ParsedBody {
  sections: Record<string, Section>;
  customSections: Section[];
  findings: Omit<Finding, 'file'>[];
}

const tokenizer = new MarkdownIt({ html: false });

/** `{lang=xx}` at the end of a trimmed heading; anchored at its `{` so long runs of blanks cannot make it backtrack. */
const langAttribute = /\{\s*lang\s*=\s*"?([A-Za-z0-9-]+)"?\s*\}$/;

/** Lowercased, single-spaced, without a trailing colon: how headings are compared. */
const normalize = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[:.]\s*$/, '')
    .trim();

/**
 * A heading and the zone it names in parentheses: `Timeline (UTC)`, `Timeline (all times PDT)`,
 * `Kronologi (WIB)`. A parenthesis that names no zone stays part of the title.
 */
export function splitHeading(text: string): { title: string; zone?: string } {
  const open = text.lastIndexOf('(');
  if (open <= 0 || !text.endsWith(')')) return { title: text };
  const inside = text.slice(open + 1, -1);
  const zone = /(?:^|\s)(Z|UTC|GMT|[A-Z]{2,5}|(?:UTC|GMT)?[+-]\d{1,2}(?::?\d{2})?)$/.exec(inside.trim())?.[1];
  if (!zone || (!zoneAbbreviations[zone] && !/^(?:UTC|GMT)?[+-]\d/.test(zone))) return { title: text };
  return { title: text.slice(0, open).trim(), zone };
}

/** A known heading within two edits of `heading`, for a "did you mean". */
function nearestHeading(heading: string, index: Map<string, unknown>): string | undefined {
  if (heading.length < 4) return undefined;
  return didYouMean(heading, index.keys())?.replace(/^./, (c) => c.toUpperCase());
}

const headingIndexes = new WeakMap<Locales, Map<string, { key: string; lang: string }[]>>();

/** Which known section each heading names, per language code; built once per set of locales, not per log. */
function headingIndex(locales: Locales): Map<string, { key: string; lang: string }[]> {
  let index = headingIndexes.get(locales);
  if (index) return index;
  index = new Map();
  for (const [code, locale] of locales) {
    for (const [key, names] of Object.entries(locale.sections)) {
      for (const name of names ?? []) {
        const normalized = normalize(name);
        const list = index.get(normalized) ?? [];
        list.push({ key, lang: code });
        index.set(normalized, list);
      }
    }
  }
  headingIndexes.set(locales, index);
  return index;
}

/**
 * Cuts the Markdown body at its `##` headings (headings inside code blocks do not count).
 * A heading names a known section in any loaded language; `{lang=xx}` at its end sets the
 * section's language. Custom sections take the language of the section before them, or the
 * primary one, and are paired across languages by their order.
 */
export function parseBody(body: string, bodyLine: number, languages: readonly string[], locales: Locales): ParsedBody {
  const findings: ParsedBody['findings'] = [];
  const primary = languages[0] ?? 'en';
  const lines = body.split('\n');
  const headings: { index: number; next: number; text: string }[] = [];
  const aliasIndex = headingIndex(locales);
  const tokens = tokenizer.parse(body, {});
  tokens.forEach((token, i) => {
    // Only headings at the top level cut the body: a "## " inside a list or quote is part of it.
    // A "###" cuts it too when it names a known section ("### Timeline"), as many post-mortems write.
    if (token.type === 'heading_open' && (token.tag === 'h2' || token.tag === 'h3') && token.level === 0 && token.map) {
      // markdown-it has already taken off the "##" and any closing "#"s; a setext heading may span lines.
      const inline = tokens[i + 1];
      const text = (inline?.type === 'inline' ? inline.content : '').replace(/\s+/g, ' ').trim();
      if (token.tag === 'h3' && !aliasIndex.has(normalize(splitHeading(text).title))) return;
      headings.push({ index: token.map[0], next: token.map[1], text });
    }
  });

  const sections: Record<string, Section> = {};
  const customByLang = new Map<string, Section['text'][string][]>();
  const customOrder: string[] = [];
  let contextLang = primary;
  const lastKnown = new Map<string, string>();

  const preambleEnd = headings[0]?.index ?? lines.length;
  const preamble = lines
    .slice(0, preambleEnd)
    .filter((line) => !/^\s*#\s/.test(line))
    .join('\n')
    .trim();

  headings.forEach((heading, n) => {
    const end = headings[n + 1]?.index ?? lines.length;
    const content = lines.slice(heading.next, end);
    const blank = content.findIndex((l) => l.trim() !== '');
    const markdown = content.join('\n').trim();
    const line = bodyLine + heading.index;
    const markdownLine = bodyLine + heading.next + Math.max(0, blank);
    const explicit = langAttribute.exec(heading.text);
    const { title, zone } = splitHeading((explicit ? heading.text.slice(0, explicit.index) : heading.text).trim());
    if (title === '') {
      findings.push({
        line,
        column: 1,
        severity: 'warning',
        rule: 'body/empty-heading',
        message: 'a "##" heading has no text; expected a section name such as "## Summary"',
      });
    }
    const candidates = aliasIndex.get(normalize(title)) ?? [];
    let lang = explicit?.[1];
    const known =
      candidates.find((c) => c.lang === lang) ??
      candidates.find((c) => c.lang === contextLang) ??
      candidates.find((c) => languages.includes(c.lang)) ??
      candidates[0];
    lang ??= known?.lang ?? contextLang;
    if (!languages.includes(lang)) {
      findings.push({
        line,
        column: 1,
        severity: 'warning',
        rule: 'body/language',
        message: `section "${title}" is in language "${lang}", which is not in the log's languages [${languages.join(', ')}]; it will not be shown (add "${lang}" to languages, or mark the heading {lang=${primary}})`,
      });
    }
    contextLang = lang;
    // A custom section remembers the known section it follows, so documents can keep the log's order.
    const after = known ? undefined : (lastKnown.get(lang) ?? '');
    if (known) lastKnown.set(lang, known.key);
    const text = { heading: title, markdown, line, markdownLine, ...(zone ? { zone } : {}), ...(after !== undefined ? { after } : {}) };
    if (!known && title !== '') {
      const near = nearestHeading(normalize(title), aliasIndex);
      if (near)
        findings.push({
          line,
          column: 1,
          severity: 'warning',
          rule: 'body/unknown-heading',
          message: `section "${title}" is not one warta knows, so it is kept as a section of its own; did you mean "${near}"?`,
        });
    }
    if (known) {
      const section = (sections[known.key] ??= { key: known.key, text: {} });
      const existing = section.text[lang];
      if (existing) {
        findings.push({
          line,
          column: 1,
          severity: 'warning',
          rule: 'body/duplicate-section',
          message: `section "${title}" appears twice in "${lang}" (first on line ${existing.line}); both texts are kept, one after the other`,
        });
        existing.markdown = `${existing.markdown}\n\n${markdown}`.trim();
      } else {
        section.text[lang] = text;
      }
    } else {
      if (!customByLang.has(lang)) {
        customByLang.set(lang, []);
        customOrder.push(lang);
      }
      customByLang.get(lang)?.push(text);
    }
  });

  if (preamble !== '') {
    const summary = sections.summary?.text[primary];
    if (!summary) {
      (sections.summary ??= { key: 'summary', text: {} }).text[primary] = {
        heading: '',
        markdown: preamble,
        line: bodyLine,
        markdownLine: bodyLine,
      };
    } else {
      findings.push({
        line: bodyLine,
        column: 1,
        severity: 'warning',
        rule: 'body/preamble',
        message: 'text before the first "##" heading is added to the summary; expected every text under a "##" heading',
      });
      summary.markdown = `${preamble}\n\n${summary.markdown}`;
    }
  }

  // Custom sections are paired across languages by their order; the primary language leads.
  const leadLang = customByLang.has(primary) ? primary : customOrder[0];
  const customSections: Section[] = [];
  const lead = leadLang ? (customByLang.get(leadLang) ?? []) : [];
  const count = Math.max(0, ...[...customByLang.values()].map((list) => list.length));
  for (let i = 0; i < count; i++) {
    const section: Section = { key: 'custom', text: {} };
    for (const [lang, list] of customByLang) {
      const entry = list[i];
      if (entry) section.text[lang] = entry;
    }
    customSections.push(section);
  }
  if (lead.length > 0) {
    for (const [lang, list] of customByLang) {
      if (lang !== leadLang && list.length !== lead.length) {
        findings.push({
          line: list[0]?.line ?? bodyLine,
          column: 1,
          severity: 'warning',
          rule: 'body/custom-sections',
          message: `"${lang}" has ${list.length} custom section(s) and "${leadLang}" has ${lead.length}; they are paired by order, so expected the same number in every language`,
        });
      }
    }
  }
  return { sections, customSections, findings };
}
