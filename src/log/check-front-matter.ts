import type { Document, LineCounter } from 'yaml';
import {
  changeStatuses,
  describe,
  frontMatterShape,
  incidentStatuses,
  knownKeys,
  timePaths,
  type FrontMatter,
} from './front-matter-schema.js';
import { didYouMean, editDistance } from '../did-you-mean.js';
import { readWrittenTime } from './read-written-time.js';
import { timezoneProblem } from './timezone-problem.js';
import { positionOf } from './position-of.js';
import type { Finding, LogDefaults, LogTime } from './types.js';

/** The front matter when it can be rendered, and what was found wrong or missing. */
export interface CheckedFrontMatter {
  value?: FrontMatter;
  findings: Omit<Finding, 'file'>[];
}

/** A text cut to `length` characters for a message, so a megabyte key does not make a megabyte message. */
const clip = (text: string, length: number) => (text.length > length ? `${text.slice(0, length - 3)}...` : text);

/** Unknown keys reported one by one; past that, one finding sums up the rest. */
const maxUnknownKeys = 100;

/**
 * Checks parsed front matter against the format: the schema, then what depends on several keys
 * (status for the type, a known timezone and languages, windows that end after they start,
 * translations for every language). Every finding is placed on the key or value at fault.
 */
export function checkFrontMatter(
  data: unknown,
  doc: Document,
  lineCounter: LineCounter,
  availableLanguages: readonly string[],
  defaults: LogDefaults = {},
): CheckedFrontMatter {
  const findings: CheckedFrontMatter['findings'] = [];
  const at = (path: readonly PropertyKey[], key = false) => positionOf(doc, lineCounter, path, { key });
  const add = (path: readonly PropertyKey[], severity: Finding['severity'], rule: string, message: string, key = false) =>
    findings.push({ ...at(path, key), severity, rule, message });

  if (data === null || data === undefined) {
    add([], 'error', 'front-matter/empty', 'front matter is empty; expected at least title, type and status');
    return { findings };
  }
  const result = frontMatterShape.safeParse(data, { reportInput: true });
  if (!result.success) {
    for (const issue of result.error.issues) {
      const name = issue.path.length > 0 ? issue.path.map((step) => clip(String(step), 40)).join('.') : 'front matter';
      // An unknown key inside a map is reported at that key, not at the map.
      const unknownKey = issue.code === 'unrecognized_keys' ? issue.keys[0] : undefined;
      const where = unknownKey === undefined ? issue.path : [...issue.path, unknownKey];
      // A value one or two letters off a choice (`outcome: postponed`) says which one was meant.
      const near =
        issue.code === 'invalid_value' && typeof issue.input === 'string'
          ? didYouMean(
              issue.input,
              issue.values.filter((v): v is string => typeof v === 'string'),
            )
          : undefined;
      const message = near ? `${issue.message} (did you mean "${near}"?)` : issue.message;
      add(where, 'error', `front-matter/${String(issue.path[0] ?? 'shape')}`, `${name}: ${message}`, unknownKey !== undefined);
    }
  }
  if (typeof data === 'object' && !Array.isArray(data)) {
    const unknown = Object.keys(data).filter((key) => !knownKeys.includes(key));
    for (const key of unknown.slice(0, maxUnknownKeys)) {
      const near = knownKeys.filter((known) => editDistance(known, key.toLowerCase()) <= 2);
      add(
        [key],
        'warning',
        'front-matter/unknown-key',
        `unknown key "${clip(key, 60)}" is ignored${near.length ? `; did you mean "${near[0]}"?` : `; expected one of ${knownKeys.join(', ')}`}`,
        true,
      );
    }
    if (unknown.length > maxUnknownKeys) {
      const first = unknown[maxUnknownKeys] as string;
      add(
        [first],
        'warning',
        'front-matter/unknown-key',
        `${unknown.length - maxUnknownKeys} more unknown keys from here on are ignored; expected only the keys of the format (${knownKeys.join(', ')})`,
        true,
      );
    }
  }
  if (!result.success) return { findings };
  const value = result.data;

  const statuses: readonly string[] = value.type === 'incident' ? incidentStatuses : changeStatuses;
  if (!statuses.includes(value.status)) {
    const other = value.type === 'incident' ? changeStatuses : incidentStatuses;
    const hint = (other as readonly string[]).includes(value.status)
      ? ` ("${value.status}" is a status of ${value.type === 'incident' ? 'a change or maintenance' : 'an incident'})`
      : '';
    add(
      ['status'],
      'error',
      'front-matter/status',
      `status: found ${describe(value.status)}${hint}; expected for ${value.type === 'incident' ? 'an' : 'a'} ${value.type} one of ${statuses.join(', ')}`,
    );
  }
  const timezone = value.timezone ?? defaults.timezone ?? 'UTC';
  const zoneProblem = timezoneProblem(timezone);
  if (zoneProblem) add(['timezone'], 'error', 'front-matter/timezone', `timezone: ${zoneProblem}`);
  const languages = value.languages ?? defaults.languages ?? ['en'];
  languages.forEach((lang, i) => {
    if (!availableLanguages.includes(lang)) {
      add(
        ['languages', i],
        'error',
        'front-matter/languages',
        `languages: no locale for "${lang}"; expected one of ${availableLanguages.join(', ')} (or add locales/${lang}.yaml to your templates folder)`,
      );
    }
    if (languages.indexOf(lang) !== i)
      add(['languages', i], 'warning', 'front-matter/languages', `languages: "${lang}" is listed twice; expected each language once`);
  });

  // Localized values: keys must be languages of the log; each language should have its text.
  const localizedPaths: (readonly PropertyKey[])[] = [
    ['title'],
    ['headline'],
    ['organization'],
    ['author'],
    ['commander'],
    ['postmortem_owner'],
    ['decision', 'rationale'],
    ['decision', 'decision'],
    ['impact', 'users'],
    ['impact', 'summary'],
    ['impact', 'downtime'],
    ['impact', 'data_loss'],
    ['contacts'],
  ];
  value.approvers?.forEach((_, i) => localizedPaths.push(['approvers', i]));
  value.responders?.forEach((_, i) => localizedPaths.push(['responders', i]));
  value.systems?.forEach((_, i) => localizedPaths.push(['systems', i, 'name'], ['systems', i, 'impact']));
  localizedPaths.push(['decision', 'by']);
  value.decision?.alternatives?.forEach((_, i) =>
    localizedPaths.push(['decision', 'alternatives', i, 'option'], ['decision', 'alternatives', i, 'risk']),
  );
  value.decisions?.forEach((decision, i) => {
    localizedPaths.push(['decisions', i, 'decision'], ['decisions', i, 'rationale'], ['decisions', i, 'by']);
    decision.alternatives?.forEach((_, j) =>
      localizedPaths.push(['decisions', i, 'alternatives', j, 'option'], ['decisions', i, 'alternatives', j, 'risk']),
    );
  });
  value.impact?.figures?.forEach((_, i) => localizedPaths.push(['impact', 'figures', i, 'label'], ['impact', 'figures', i, 'unit']));
  value.actions?.forEach((_, i) => localizedPaths.push(['actions', i, 'title'], ['actions', i, 'owner']));
  for (const path of localizedPaths) {
    let node: unknown = value;
    for (const step of path) node = (node as Record<PropertyKey, unknown> | undefined)?.[step as string];
    if (!node || typeof node !== 'object' || Array.isArray(node)) continue;
    const name = path.join('.');
    const keys = Object.keys(node);
    if (keys.length === 0) {
      add(
        path,
        'warning',
        'translation/missing',
        `${name}: is an empty map, so it has no text in any language; expected ${name}.${languages[0]}`,
      );
      continue;
    }
    for (const key of keys) {
      if (!languages.includes(key))
        add(
          [...path, key],
          'warning',
          'translation/unknown-language',
          `${name}: text in "${key}", which is not in languages [${languages.join(', ')}]; it is not shown`,
          true,
        );
    }
    for (const lang of languages) {
      if (!keys.includes(lang)) {
        const fallback = keys.includes(languages[0] as string) ? languages[0] : keys[0];
        add(
          path,
          'warning',
          'translation/missing',
          `${name}: no text in "${lang}"; the ${fallback} text is shown instead; expected ${name}.${lang}`,
        );
      }
    }
  }

  // Every time is read as written (zone, AM/PM) in the log's zone: one finding per time that cannot be.
  const zone = zoneProblem ? 'UTC' : timezone;
  const times = new Map<string, LogTime>();
  for (const path of timePaths) {
    const expand = (node: unknown, rest: readonly string[], at: PropertyKey[]): void => {
      if (rest.length === 0) {
        if (typeof node !== 'string') return;
        const read = readWrittenTime(node, zone);
        if ('problem' in read) add(at, 'error', `front-matter/${String(at[0])}`, `${at.join('.')}: ${read.problem}`);
        else times.set(at.join('.'), read.time);
        return;
      }
      const [step, ...more] = rest as [string, ...string[]];
      if (step === '*') {
        if (Array.isArray(node)) node.forEach((item, i) => expand(item, more, [...at, i]));
        return;
      }
      if (node && typeof node === 'object') expand((node as Record<string, unknown>)[step], more, [...at, step]);
    };
    expand(value, path, []);
  }

  // Times that must come in order.
  const order = (earlier: readonly PropertyKey[], later: readonly PropertyKey[]) => {
    const read = (path: readonly PropertyKey[]) => times.get(path.join('.'));
    const a = read(earlier);
    const b = read(later);
    if (a && b && b.epoch < a.epoch) {
      add(later, 'error', 'front-matter/time-order', `${later.join('.')}: comes before ${earlier.join('.')}; expected it to be later`);
    }
  };
  order(['window', 'start'], ['window', 'end']);
  order(['window', 'actual_start'], ['window', 'actual_end']);
  order(['rescheduled', 'start'], ['rescheduled', 'end']);
  // The phases of an incident, each compared with the one before it that the log gives: one finding per time out of place.
  const phases = [['started'], ['detected'], ['mitigated'], ['resolved']].filter((path) => times.has(path.join('.')));
  phases.slice(1).forEach((path, i) => order(phases[i] as string[], path));

  value.actions?.forEach((action, i) => {
    if (action.done !== undefined && action.status !== undefined && action.status !== 'done') {
      add(
        ['actions', i, 'done'],
        'warning',
        'front-matter/actions',
        `actions.${i}.done: a completion date, but the status is ${action.status}; expected status: done, or no done date`,
      );
    }
  });
  if (value.type === 'incident' && value.window && !value.detected) {
    add(
      ['window'],
      'warning',
      'front-matter/window',
      'window is for a planned change or maintenance; an incident expects detected and resolved',
    );
  }
  if ((value.status === 'postponed' || value.status === 'rolled-back') && !('rescheduled' in value)) {
    add(
      ['status'],
      'warning',
      'front-matter/rescheduled',
      `status is ${value.status} but no rescheduled window is given; readers will ask when it happens next (expected rescheduled: {start, end}, or rescheduled: none when there is no new date yet)`,
    );
  }
  if (value.type === 'incident' && value.status === 'resolved' && !value.resolved) {
    add(
      ['status'],
      'warning',
      'front-matter/resolved',
      'status is resolved but no resolved time is given; expected resolved: 2024-03-05T16:42',
    );
  }
  return { value: findings.some((f) => f.severity === 'error') ? undefined : value, findings };
}
