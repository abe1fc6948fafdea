import { z } from 'zod';

/**
 * The front matter of an incident log (format v1 and the keys warta adds), as one zod schema.
 * The validator and the JSON Schema for editors are both made from it.
 */

const say = (expected: string) => ({
  error: (issue: { input?: unknown; code?: string; keys?: readonly string[] }) =>
    issue.code === 'unrecognized_keys' && issue.keys
      ? `found the unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => describe(key)).join(', ')}; expected ${expected}`
      : issue.input === undefined
        ? `missing; expected ${expected}`
        : `found ${describe(issue.input)}; expected ${expected}`,
});

/** A short, safe description of a value for a message. */
export function describe(value: unknown): string {
  if (value === null) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return `"${shown}"`;
  }
  const scalar = value as number | boolean | bigint | symbol | undefined;
  return `${typeof scalar} ${String(scalar)}`;
}

/** Most languages one log may list; every document is rendered once per language. */
export const maxLanguages = 20;

export const incidentStatuses = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export const changeStatuses = ['scheduled', 'in-progress', 'completed', 'postponed', 'rolled-back', 'cancelled'] as const;
export const logTypes = ['incident', 'change', 'maintenance'] as const;
export const severities = ['sev1', 'sev2', 'sev3', 'sev4'] as const;
export const outcomes = ['proceed', 'rollback', 'postpone', 'abort'] as const;
export const actionStatuses = ['open', 'in-progress', 'done', 'wont-do'] as const;
export const actionTypes = ['detect', 'mitigate', 'prevent', 'process'] as const;

const languageCode = z
  .string(say('a BCP 47 language code such as en or id'))
  .max(35, say('a BCP 47 language code such as en or id'))
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, say('a BCP 47 language code such as en or id'));

const text = z.string(say('text')).min(1, say('non-empty text'));

const localized = z.union(
  [z.string(), z.record(languageCode, z.string())],
  say('text, or a map from language code to text such as {en: ..., id: ...}'),
);

/** A person's or an organisation's name: text, or a map from language code to text (the English documents show the `en` name). */
const name = z.union(
  [text, z.record(languageCode, text)],
  say('a name: text, or a map from language code to text such as {en: ..., id: ...}'),
);

/** A time as text; what it says (calendar, zone, AM/PM) is read against the log's timezone by checkFrontMatter. */
const time = z.string(say('a date and time such as 2015-12-11T19:00, 2015-12-11 7:00 PM or 2015-12-11T19:00+07:00'));

const enumOf = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values, say(`one of ${values.join(', ')}`));

const system = z.union(
  [
    text,
    z.strictObject(
      {
        name: z.union([text, z.record(languageCode, text)], say('a name: text, or a map from language code to text')),
        impact: localized.optional(),
      },
      say('a map with name and impact'),
    ),
  ],
  say('a system name, or a map {name, impact}'),
);

/** One decision: `decision:` (v1) or an item of `decisions:`. */
const decisionShape = z.strictObject(
  {
    outcome: enumOf(outcomes).optional(),
    decision: localized.optional(),
    at: time.optional(),
    by: localized.optional(),
    rationale: localized.optional(),
    alternatives: z
      .array(
        z.strictObject({ option: localized, risk: localized.optional() }, say('a map {option, risk}')),
        say('a list of {option, risk}'),
      )
      .optional(),
  },
  say('a map {outcome, decision, at, by, rationale, alternatives}'),
);

/** A number from the impact: how many, how much. */
const figure = z.strictObject(
  {
    label: localized,
    value: z.number(say('a number such as 18400 or 2.5 (no thousands separators, no unit)')),
    unit: localized.optional(),
  },
  say('a map {label, value, unit}'),
);

const isoDuration =
  /^P(?!$)(\d+(?:\.\d+)?Y)?(\d+(?:\.\d+)?M)?(\d+(?:\.\d+)?W)?(\d+(?:\.\d+)?D)?(T(?=\d)(\d+(?:\.\d+)?H)?(\d+(?:\.\d+)?M)?(\d+(?:\.\d+)?S)?)?$/;

/** The schema of the front matter, before the checks that depend on more than one key. */
export const frontMatterShape = z.looseObject(
  {
    id: z
      .string(say('an id of lowercase letters, digits and dashes'))
      .regex(/^[a-z0-9][a-z0-9-]*$/, say('an id of lowercase letters, digits and dashes, such as 2015-12-vcenter'))
      .max(100, say('an id of at most 100 characters'))
      // Windows has no folder of these names: the log's documents could not be written there.
      .refine(
        (id) => !/^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/.test(id),
        say('an id that is no device name Windows reserves (con, prn, aux, nul, com1, lpt1 and the like)'),
      )
      .optional(),
    title: z.union(
      [text, z.record(languageCode, text).refine((map) => Object.keys(map).length > 0, say('a title in at least one language'))],
      say('a title: text, or a map from language code to text'),
    ),
    type: enumOf(logTypes),
    status: z.string(say('a status such as resolved or postponed')),
    severity: enumOf(severities).optional(),
    languages: z
      .array(languageCode, say('a list of language codes such as [id, en]'))
      .min(1, say('at least one language'))
      .max(maxLanguages, say(`at most ${maxLanguages} languages`))
      .optional(),
    timezone: z.string(say('an IANA timezone name such as Asia/Jakarta')).optional(),
    organization: name.optional(),
    author: name.optional(),
    approvers: z.array(name, say('a list of names')).optional(),
    commander: name.optional(),
    responders: z.array(name, say('a list of names')).optional(),
    postmortem_owner: name.optional(),
    contacts: z
      .union([z.array(text), z.record(languageCode, z.array(text))], say('a list of contacts, or a map from language code to a list'))
      .optional(),
    systems: z.array(system, say('a list of systems')).optional(),
    window: z
      .strictObject(
        { start: time.optional(), end: time.optional(), actual_start: time.optional(), actual_end: time.optional() },
        say('a map {start, end, actual_start, actual_end}'),
      )
      .optional(),
    started: time.optional(),
    detected: time.optional(),
    mitigated: time.optional(),
    resolved: time.optional(),
    decision: decisionShape.optional(),
    decisions: z
      .array(decisionShape, say('a list of decisions, each a map {at, by, outcome, decision, rationale, alternatives}'))
      .optional(),
    rescheduled: z
      .union(
        [z.strictObject({ start: time.optional(), end: time.optional() }), z.null(), z.string().regex(/^(none|tbd)$/i)],
        say('a map {start, end}, or none / tbd when there is no new date yet'),
      )
      .optional(),
    impact: z
      .strictObject(
        {
          users: localized.optional(),
          downtime: z.union([z.string().regex(isoDuration), localized], say('an ISO 8601 duration such as PT18H, or text')).optional(),
          data_loss: z.union([z.boolean(), localized], say('true, false or text')).optional(),
          summary: localized.optional(),
          figures: z.array(figure, say('a list of {label, value, unit}')).optional(),
        },
        say('a map {users, downtime, data_loss, summary, figures}'),
      )
      .optional(),
    actions: z
      .array(
        z.strictObject(
          {
            title: localized,
            owner: name.optional(),
            due: time.optional(),
            status: enumOf(actionStatuses).optional(),
            priority: text.optional(),
            type: enumOf(actionTypes).optional(),
            link: text.optional(),
            done: time.optional(),
          },
          say('a map {title, owner, due, status, priority, type, link, done}'),
        ),
        say('a list of actions'),
      )
      .optional(),
    tags: z.array(z.union([text, z.number()]), say('a list of tags')).optional(),
    updated: time.optional(),
    headline: z.union([text, z.record(languageCode, text)], say('a headline: text, or a map from language code to text')).optional(),
    $schema: z.string(say('the path or URL of warta.schema.json')).optional(),
  },
  say('front matter as a map of keys'),
);

/** Front matter as the schema accepts it. */
export type FrontMatter = z.infer<typeof frontMatterShape>;

/** Every place in the front matter that holds a time, as paths; `*` stands for each item of a list. */
export const timePaths: readonly (readonly string[])[] = [
  ['window', 'start'],
  ['window', 'end'],
  ['window', 'actual_start'],
  ['window', 'actual_end'],
  ['started'],
  ['detected'],
  ['mitigated'],
  ['resolved'],
  ['decision', 'at'],
  ['decisions', '*', 'at'],
  ['rescheduled', 'start'],
  ['rescheduled', 'end'],
  ['actions', '*', 'due'],
  ['actions', '*', 'done'],
  ['updated'],
];

/** Every top-level key the format knows, for "unknown key" warnings. */
export const knownKeys = Object.keys(frontMatterShape.shape);
