import { readWrittenTime } from './read-written-time.js';
import type { Finding, LogTime } from './types.js';

/** One action read from a list under an action heading. */
export interface ListedAction {
  title: string;
  owner?: string;
  due?: LogTime;
  done: boolean;
  line: number;
}

/** Actions read from one language's action section, and the text that was not a list item. */
export interface ParsedActionItems {
  items: ListedAction[];
  rest: string;
  findings: Omit<Finding, 'file'>[];
}

const item = /^[-*+]\s+(?:\[([ xX])\]\s+)?(.*)$/;
const owner = /(?:^|[\s(,;—–-])(?:@([\w.-]{1,60})|owner:\s*([^,;)—–]{1,60}))/i;
const due = /(?:^|[\s(,;—–-])(?:due|by|before|tenggat|sebelum):?\s+([^\s,;)]{1,40})/i;

/**
 * Reads a list under an action heading (`## Action items`, `## Tindak lanjut`) as actions:
 * `- [ ] Add a capacity guard — @ops, due 2017-03-15` (checked = done). Owner is `@name` or
 * `owner: name`, the due date `due 2017-03-15` or `by 2017-03-15`. An item whose date cannot be
 * read is a finding with the expected form; prose around the list stays as the section's text.
 */
export function parseActionItems(markdown: string, firstLine: number, timezone: string): ParsedActionItems {
  const items: ListedAction[] = [];
  const findings: ParsedActionItems['findings'] = [];
  const rest: string[] = [];
  let current: ListedAction | undefined;
  markdown.split('\n').forEach((raw, index) => {
    const line = firstLine + index;
    const match = item.exec(raw);
    if (!match) {
      if (current && /^\s{2,}\S/.test(raw)) current.title += ` ${raw.trim()}`;
      else {
        current = raw.trim() === '' ? current : undefined;
        rest.push(raw);
      }
      return;
    }
    let text = match[2] ?? '';
    const action: ListedAction = { title: '', done: (match[1] ?? ' ').trim() !== '', line };
    const who = owner.exec(text);
    if (who) {
      action.owner = (who[1] ?? who[2] ?? '').trim();
      text = text.replace(who[0], ' ');
    }
    const when = due.exec(text);
    if (when) {
      const read = readWrittenTime(when[1] ?? '', timezone);
      if ('time' in read) action.due = read.time;
      else
        findings.push({
          line,
          column: 1,
          severity: 'warning',
          rule: 'actions/due',
          message: `action "${clip(text.trim())}": due date ${read.problem}; expected "- [ ] text — @owner, due 2017-03-15"`,
        });
      text = text.replace(when[0], ' ');
    }
    action.title = text
      .replace(/[\s,;()—–-]+$/, '')
      .replace(/\s{2,}/g, ' ')
      .trim();
    if (action.title === '') {
      findings.push({
        line,
        column: 1,
        severity: 'warning',
        rule: 'actions/title',
        message: 'an action item has no text; expected "- [ ] Add a capacity guard — @ops, due 2017-03-15"',
      });
      current = undefined;
      return;
    }
    items.push(action);
    current = action;
  });
  return { items, rest: rest.join('\n').trim(), findings };
}

const clip = (text: string) => (text.length > 40 ? `${text.slice(0, 37)}...` : text);
