import { createHash } from 'node:crypto';
import type { FrontMatter } from './front-matter-schema.js';
import { readWrittenTime } from './read-written-time.js';
import type { ActionItem, Decision, IncidentLog, Localized, LogDefaults, LogTime } from './types.js';

/** Front-matter part of an {@link IncidentLog}: everything but the body. */
export type LogHead = Omit<IncidentLog, 'sections' | 'customSections' | 'timeline'>;

/** Latin letters that do not decompose into a letter and an accent. */
const latinLetters: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i' };

/** Cyrillic and Greek, transliterated (accents are removed before). */
const otherLetters: Record<string, string> = Object.fromEntries(
  [
    'а a б b в v г g д d е e ё e ж zh з z и i й i к k л l м m н n о o п p р r с s т t у u ф f х kh ц ts ч ch ш sh щ shch ъ _ ы y ь _ э e ю iu я ia і i ї i є ie ґ g ў u',
    'α a β v γ g δ d ε e ζ z η i θ th ι i κ k λ l μ m ν n ξ x ο o π p ρ r σ s ς s τ t υ y φ f χ ch ψ ps ω o',
  ]
    .join(' ')
    .split(' ')
    .flatMap((word, i, words) => (i % 2 === 0 ? [[word, (words[i + 1] as string).replace('_', '')]] : [])),
);

/** Device names Windows reserves: no file or folder can have them there. */
const windowsReserved = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/**
 * A file name made into an id: lowercase letters, digits and dashes, at most 100 characters.
 * Accents are dropped and Cyrillic and Greek transliterated; a name with anything that cannot be
 * spelled so (Chinese, Arabic, an emoji) or with nothing spellable at all gets the first 8 hex
 * digits of its SHA-256, so different names never share an id (they all used to be `incident`).
 * A device name Windows reserves (`con`, `nul`, `com1`…) gets `-log`.
 */
export function slugify(name: string): string {
  let foreign = false;
  const plain = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ου/g, 'ou');
  const spelled = [...plain]
    .map((lower) => {
      if (/^[a-z0-9]$/.test(lower)) return lower;
      const latin = latinLetters[lower];
      if (latin !== undefined) return latin;
      const other = otherLetters[lower];
      if (other !== undefined || !/^[\x00-\x7f\p{P}\p{Z}]$/u.test(lower)) foreign = true;
      return other ?? '-';
    })
    .join('')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '');
  if (!foreign && spelled !== '') {
    const slug = spelled.slice(0, 100).replace(/-$/, '');
    return windowsReserved.test(slug) ? `${slug}-log` : slug;
  }
  const hash = createHash('sha256').update(name.normalize('NFC')).digest('hex').slice(0, 8);
  const base = spelled.slice(0, 91).replace(/-$/, '');
  return `${base || 'incident'}-${hash}`;
}

/**
 * Turns checked front matter into the log's normalized head: localized values become maps
 * holding the primary language, times are resolved in the log's timezone, defaults filled in.
 */
export function normalizeLog(value: FrontMatter, file: string, fileId: string, defaults: LogDefaults = {}): LogHead {
  const languages = [...new Set(value.languages ?? defaults.languages ?? ['en'])];
  const primary = languages[0] as string;
  const timezone = value.timezone ?? defaults.timezone ?? 'UTC';
  const localize = (input: string | Record<string, string> | undefined): Localized | undefined => {
    if (input === undefined) return undefined;
    if (typeof input === 'string') return input.trim() === '' ? undefined : { [primary]: input };
    const out: Localized = {};
    for (const [lang, text] of Object.entries(input)) if (text.trim() !== '') out[lang] = text;
    return Object.keys(out).length > 0 ? out : undefined;
  };
  // checkFrontMatter has reported every time that cannot be read.
  const time = (text: string | undefined): LogTime | undefined => {
    if (text === undefined) return undefined;
    const read = readWrittenTime(text, timezone);
    return 'time' in read ? read.time : undefined;
  };

  // A name in the primary language, for places that take one plain text: the primary one, else the first given.
  const plain = (name: Localized | undefined): string | undefined => (name ? (name[primary] ?? Object.values(name)[0]) : undefined);

  const contacts: Record<string, string[]> = {};
  if (Array.isArray(value.contacts)) contacts[primary] = value.contacts;
  else if (value.contacts) Object.assign(contacts, value.contacts);

  const impact = value.impact
    ? {
        users: localize(value.impact.users),
        summary: localize(value.impact.summary),
        ...downtime(value.impact.downtime, localize),
        ...dataLoss(value.impact.data_loss, localize),
        ...(value.impact.figures
          ? {
              figures: value.impact.figures.map((figure) => ({
                label: localize(figure.label) ?? { [primary]: '' },
                value: figure.value,
                unit: localize(figure.unit),
              })),
            }
          : {}),
      }
    : undefined;

  const actions: ActionItem[] = (value.actions ?? []).map((action) => {
    const ownerName = localize(action.owner);
    const done = time(action.done);
    return {
      title: localize(action.title) ?? { [primary]: '' },
      owner: plain(ownerName),
      ownerName,
      due: time(action.due),
      // A completion date says the action is done, unless the log says otherwise.
      status: action.status ?? (done ? 'done' : 'open'),
      priority: action.priority,
      type: action.type,
      link: action.link?.trim() || undefined,
      done,
    };
  });

  const decision = (input: NonNullable<FrontMatter['decision']>): Decision => ({
    outcome: input.outcome,
    text: localize(input.decision),
    at: time(input.at),
    by: localize(input.by),
    rationale: localize(input.rationale),
    alternatives: (input.alternatives ?? []).map((alt) => ({
      option: localize(alt.option) ?? { [primary]: '' },
      risk: localize(alt.risk),
    })),
  });
  const main = value.decision ? decision(value.decision) : undefined;
  const listed = (value.decisions ?? []).map(decision);
  const decisions = [...(main ? [main] : []), ...listed];
  // In the order they were taken when every one has a time; as written otherwise.
  if (decisions.every((d) => d.at)) decisions.sort((a, b) => (a.at?.epoch ?? 0) - (b.at?.epoch ?? 0));

  const organizationName = localize(value.organization) ?? localize(defaults.organization);
  const authorName = localize(value.author);
  const approverNames = (value.approvers ?? []).map((approver) => localize(approver) ?? { [primary]: '' });

  return {
    file,
    id: value.id ?? fileId,
    title: localize(value.title) ?? { [primary]: fileId },
    headline: localize(value.headline),
    type: value.type,
    status: value.status,
    severity: value.severity,
    languages,
    timezone,
    organization: plain(organizationName),
    organizationName,
    author: plain(authorName),
    authorName,
    approvers: approverNames.map((name) => plain(name) ?? ''),
    approverNames,
    commander: localize(value.commander),
    responders: (value.responders ?? []).map((responder) => localize(responder)).filter((name) => name !== undefined),
    postmortemOwner: localize(value.postmortem_owner),
    contacts,
    systems: (value.systems ?? []).map((system) =>
      typeof system === 'string'
        ? { name: { [primary]: system } }
        : { name: localize(system.name) ?? { [primary]: '' }, impact: localize(system.impact) },
    ),
    window: value.window
      ? {
          start: time(value.window.start),
          end: time(value.window.end),
          actualStart: time(value.window.actual_start),
          actualEnd: time(value.window.actual_end),
        }
      : undefined,
    started: time(value.started),
    detected: time(value.detected),
    mitigated: time(value.mitigated),
    resolved: time(value.resolved),
    decision: main ?? mainDecision(decisions),
    decisions,
    rescheduled:
      value.rescheduled && typeof value.rescheduled === 'object'
        ? { start: time(value.rescheduled.start), end: time(value.rescheduled.end) }
        : undefined,
    // `rescheduled: none`, `tbd` or an empty value: the author says there is no new date yet.
    noNewDate: 'rescheduled' in value && (value.rescheduled === null || typeof value.rescheduled === 'string') ? true : undefined,
    impact,
    actions,
    tags: (value.tags ?? []).map(String),
    updated: time(value.updated),
  };
}

/** The decision a reader of the report needs first: the last one that has an outcome, else the last one. */
function mainDecision(decisions: readonly Decision[]): Decision | undefined {
  return decisions.findLast((d) => d.outcome !== undefined) ?? decisions.at(-1);
}

/** Milliseconds of an ISO 8601 duration (`PT18H`, `P1DT2H30M`); months and years count as 30 and 365 days. */
export function isoDurationToMs(text: string): number | undefined {
  const match =
    /^P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(
      text,
    );
  if (!match || text === 'P' || text.endsWith('T')) return undefined;
  const [, y, mo, w, d, h, mi, s] = match.map((part) => Number(part ?? 0));
  const day = 86_400_000;
  return (
    (y ?? 0) * 365 * day +
    (mo ?? 0) * 30 * day +
    (w ?? 0) * 7 * day +
    (d ?? 0) * day +
    (h ?? 0) * 3_600_000 +
    (mi ?? 0) * 60_000 +
    (s ?? 0) * 1000
  );
}

/** `data_loss` as a yes/no when the log says so in words (`none`, `no`, `yes`), else as text. */
function dataLoss(
  input: boolean | string | Record<string, string> | undefined,
  localize: (input: string | Record<string, string> | undefined) => Localized | undefined,
): { dataLoss?: Localized; dataLossFlag?: boolean } {
  if (typeof input === 'boolean') return { dataLossFlag: input };
  if (typeof input === 'string') {
    const word = input.trim().toLowerCase();
    if (['none', 'no', 'false', 'tidak', 'tidak ada'].includes(word)) return { dataLossFlag: false };
    if (['yes', 'true', 'ya', 'ada'].includes(word)) return { dataLossFlag: true };
  }
  return { dataLoss: localize(input) };
}

function downtime(
  input: string | Record<string, string> | undefined,
  localize: (input: string | Record<string, string> | undefined) => Localized | undefined,
): { downtimeMs?: number; downtimeText?: Localized } {
  if (typeof input === 'string') {
    const ms = isoDurationToMs(input.trim());
    if (ms !== undefined) return { downtimeMs: ms };
  }
  return { downtimeText: localize(input) };
}
