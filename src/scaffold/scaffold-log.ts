import type { Locales } from '../locale/types.js';
import { knownSectionKeys } from '../locale/types.js';
import { changeStatuses, incidentStatuses } from '../log/front-matter-schema.js';
import type { LogType } from '../log/types.js';

/** What a new log is made from. */
export interface ScaffoldOptions {
  type: LogType;
  /** Language codes, primary first; each must have a locale. */
  languages: readonly string[];
  title: string;
  timezone: string;
  /** The log's day, `YYYY-MM-DD`: the example times and `updated` use it. */
  date: string;
  locales: Locales;
}

/** Sections in the order a log is usually written (as in the samples), then any other known one. */
const writingOrder = [
  'summary',
  'timeline',
  'impact',
  'trigger',
  'root-cause',
  'detection',
  'resolution',
  'decision',
  'went-well',
  'went-wrong',
  'lucky',
  'lessons',
  'next-steps',
  'announcement',
];
const sectionOrder = [...writingOrder, ...knownSectionKeys.filter((key) => !writingOrder.includes(key))];

/** A YAML scalar that needs no thought: quoted unless it is plain words. */
function yamlText(text: string): string {
  return /^[\p{L}\p{N}][\p{L}\p{N} ._/()-]*$/u.test(text) && !/^(true|false|null|yes|no|on|off|~)$/i.test(text) && !text.includes(': ')
    ? text
    : JSON.stringify(text);
}

/**
 * The text of a new log: front matter with the required keys filled in and every other key of
 * format v1.1 as a commented example (so the file validates as it is and the author uncomments what
 * applies), then every known section heading in every language, primary language first, empty and
 * ready to write (an empty section is left out of the documents).
 */
export function scaffoldLog(options: ScaffoldOptions): string {
  const { languages, date } = options;
  const multi = languages.length > 1;
  const incident = options.type === 'incident';
  const statuses = incident ? incidentStatuses : changeStatuses;
  const lines: string[] = ['---'];
  const hint = (text: string) => lines.push(`# ${text}`);

  hint(`A new ${options.type} log (format: docs/incident-format.md). Lines starting with # are hints and examples:`);
  hint('uncomment what applies and fill it in. Check it with: warta validate');
  if (multi) {
    lines.push('title:');
    languages.forEach((lang, i) =>
      lines.push(`  ${lang}: ${yamlText(options.title)}${i > 0 ? `  # translate into ${options.locales.get(lang)?.name ?? lang}` : ''}`),
    );
  } else {
    lines.push(`title: ${yamlText(options.title)}`);
  }
  lines.push(`type: ${options.type}`);
  lines.push(`status: ${statuses[0]}  # ${statuses.join(' · ')}`);
  hint('severity: sev3  # sev1 (worst) · sev2 · sev3 · sev4');
  lines.push(`languages: [${languages.join(', ')}]  # the first is the primary language`);
  lines.push(`timezone: ${options.timezone}  # times below without an offset are read in this timezone`);
  hint('organization: Example Ltd');
  hint('author: Your name, your role');
  hint('approvers:');
  hint('  - Name, role (signs the management report)');
  if (incident) {
    hint('commander: Who led the response');
    hint('responders: [Who worked on it, Another team]');
    hint('postmortem_owner: Who sees the actions through');
  }
  hint('contacts:  # where users get help; a list, or a list per language');
  if (multi) {
    for (const lang of languages) {
      hint(`  ${lang}:`);
      hint(`    - IT helpdesk, ext. 1100`);
    }
  } else {
    hint('  - IT helpdesk, ext. 1100');
  }
  hint('systems:');
  hint('  - name: Payment API');
  hint('    impact: What its users noticed');
  if (incident) {
    hint(`started: ${date}T08:50  # when the impact began (time to detect = detected - started)`);
    hint(`detected: ${date}T09:00`);
    hint(`mitigated: ${date}T10:15  # when the impact stopped; the fix may come later`);
    hint(`resolved: ${date}T11:30`);
  } else {
    hint(`window: { start: ${date}T19:00, end: ${date}T23:00, actual_start: ${date}T19:00, actual_end: ${date}T23:30 }`);
  }
  hint('decision:  # the main decision; more of them go under decisions:');
  hint('  outcome: proceed  # proceed · rollback · postpone · abort');
  hint(`  at: ${date}T${incident ? '10:00' : '21:00'}`);
  hint('  by: Who decided');
  hint('  rationale: Why, in a sentence or two');
  hint('  alternatives:');
  hint('    - option: Another way considered');
  hint('      risk: Why it was not chosen');
  hint('decisions:  # other decisions, each with its time');
  hint(`  - at: ${date}T${incident ? '09:30' : '19:30'}`);
  hint('    decision: What was decided, in words  # instead of, or next to, an outcome');
  hint('    by: Who decided');
  hint('    rationale: Why');
  if (!incident) hint(`rescheduled: { start: ${date}T19:00, end: ${date}T23:00 }  # the new window, when postponed`);
  hint('impact:');
  hint('  users: Who was affected, and how');
  hint('  downtime: PT30M  # an ISO 8601 duration, or text');
  hint('  data_loss: false  # true, false or text');
  hint('  summary: One or two sentences for management');
  hint('  figures:  # the impact in numbers');
  hint('    - label: Failed requests');
  hint('      value: 18400');
  hint('      unit: requests  # optional');
  hint('actions:');
  hint('  - title: What will be done');
  hint('    owner: Who does it');
  hint(`    due: ${date}`);
  hint(`    status: open  # open · in-progress · done · wont-do; a done action may add done: ${date}`);
  hint('    priority: high  # critical · high · medium · low');
  hint('    type: prevent  # detect · mitigate · prevent · process');
  hint('    link: JIRA-123  # a tracker key or an https:// address');
  lines.push('tags: []  # e.g. [backup, database]: the archive groups lessons by tag');
  lines.push(`updated: ${date}  # when this log was last brought up to date`);
  hint('Text fields and names can be one text (in the primary language) or a map per language, like title.');
  lines.push('---', '');

  // A heading that names a section in more than one chosen language gets an explicit {lang=…}.
  const owners = new Map<string, Set<string>>();
  for (const lang of languages) {
    for (const headings of Object.values(options.locales.get(lang)?.sections ?? {})) {
      for (const heading of headings) {
        const key = heading.toLowerCase();
        owners.set(key, (owners.get(key) ?? new Set()).add(lang));
      }
    }
  }
  for (const lang of languages) {
    const locale = options.locales.get(lang);
    const sections = locale?.sections ?? {};
    for (const key of sectionOrder) {
      // The documents' own heading when the log format accepts it ("Contributing factors", blameless), else the first accepted one.
      const label = locale?.labels[`section.${key}`];
      const heading = sections[key]?.find((h) => h.toLowerCase() === label?.toLowerCase()) ?? sections[key]?.[0];
      if (!heading) continue;
      const shared = (owners.get(heading.toLowerCase())?.size ?? 0) > 1;
      lines.push(`## ${heading}${shared ? ` {lang=${lang}}` : ''}`, '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
