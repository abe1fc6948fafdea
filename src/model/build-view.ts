import { cachedListFormat } from '../locale/cached-list-format.js';
import type { Locale, Locales } from '../locale/types.js';
import { knownSectionKeys } from '../locale/types.js';
import type { IncidentLog, Localized, LogTime } from '../log/types.js';
import { markdownToText, renderInline, renderMarkdown } from '../html/markdown.js';
import { escapeXml } from '../html/escape-xml.js';
import { formatDuration, formatSpan } from './format-duration.js';
import { isClosed, isOverdue } from './is-overdue.js';
import { phaseDurations } from './phase-durations.js';
import { statusTone } from './status-tone.js';
import { decisionRows, shortDay, timelinePicture } from './timeline-picture.js';
import { formatTime, formatWindow, dayOf } from './format-time.js';

/** The three documents warta makes from every log. */
export const documentKinds = ['report', 'notice', 'lessons'] as const;
/** A document kind: a built-in one or one a user's templates folder adds (`status-update.hbs`). */
export type DocumentKind = string;

/** A label and its value, for fact tables. */
export interface Fact {
  label: string;
  value: string;
  /** A CSS modifier, e.g. `bad` for an overrun. */
  tone?: string;
  /** True for long values (time windows) that take a whole row. */
  wide?: boolean;
}

/** A section ready for a template: its heading in the document's language and its HTML. */
export interface SectionView {
  key: string;
  heading: string;
  html: string;
  /** The language the text is really in (differs from the document's when it fell back). */
  lang: string;
  fallback: boolean;
  /** For a custom section: the known section it follows in the log, `''` when it comes before every one. */
  after?: string;
}

/**
 * Everything a template needs for one document in one language, already worded and formatted:
 * templates only lay it out. Fields ending in `Html` hold safe HTML, all others plain text.
 */
export interface DocumentView {
  lang: string;
  languageName: string;
  kind: DocumentKind;
  kindLabel: string;
  id: string;
  title: string;
  organization?: string;
  /** The organization's logo as a `data:` URL (from warta.config.yaml). */
  logo?: string;
  author?: string;
  approvers: string[];
  type: string;
  typeLabel: string;
  planned: boolean;
  status: string;
  statusLabel: string;
  /** `ok`, `warn`, `bad` or `info`: the colour of the status. */
  statusTone: string;
  severity?: { code: string; label: string };
  timezone: string;
  /** "As of" date of the document: the log's `updated`, else the day it was rendered. */
  asOf: string;
  /** True while the work is still ahead (a scheduled change or maintenance). */
  upcoming: boolean;
  /** True when the log's Decision section would only repeat the structured decision. */
  decisionSectionRepeats: boolean;
  facts: Fact[];
  /** The few times a user needs, for the notice: window or detection, new date, downtime. */
  when: Fact[];
  systems: { name: string; impact?: string }[];
  summaryHtml: string;
  /** What the notice tells users: the announcement, else the summary and who is affected. */
  noticeHtml: string;
  impact: { usersHtml?: string; summaryHtml?: string; downtime?: string; dataLoss?: string };
  /** The impact in numbers: label, the value in the language's digits, and its unit. */
  figures: { label: string; value: string; unit?: string; amount: string }[];
  /** Who led and worked on the incident: commander, responders, post-mortem owner. */
  people: Fact[];
  /** The main decision (see {@link IncidentLog.decision}), for the decision box. */
  decision?: DecisionView;
  /** Every decision, in the order they were taken; the lessons list them when there is more than one. */
  decisions: DecisionView[];
  rescheduled?: { window: string };
  actions: {
    titleHtml: string;
    owner?: string;
    due?: string;
    priority?: string;
    /** True when the status is `done`. */
    done: boolean;
    /** True when the action is done or will not be done. */
    closed: boolean;
    status: string;
    statusLabel: string;
    /** The CSS class of the status pill: `state-done`, `state-overdue`, `state-open` or `state-closed`. */
    statusClass: string;
    overdue: boolean;
    type?: string;
    typeLabel?: string;
    /** The tracker link as safe HTML: a link for http(s) URLs, text for a key such as JIRA-123. */
    linkHtml?: string;
    /** True when the link is an address (it may wrap anywhere); a key such as JIRA-123 stays on one line. */
    linkIsUrl: boolean;
    /** The day the action was completed. */
    doneOn?: string;
  }[];
  /** True when any action has a type: the action table gets a column for it. */
  actionTypes: boolean;
  openActions: number;
  /** Rows of the timeline table; `day` (`Sat 26 Mar`) is set for an event given as a day, which has no `time`. */
  timeline: { number: number; date: string; time: string; day?: string; textHtml: string; newDay: boolean; decision: boolean }[];
  /** The timeline picture (planned vs actual window, events, decision) as inline SVG, or ''. */
  timelineSvg: string;
  timelineHtml: string;
  sections: Partial<Record<string, SectionView>>;
  customSections: SectionView[];
  /**
   * The custom sections by the known section they follow in the log (`''`: before every known
   * one), so a template can keep the log's order: `{{#each (lookup customAfter "timeline")}}`.
   */
  customAfter: Record<string, SectionView[]>;
  contacts: string[];
  tags: string[];
  /** Every label of the locale, by key (`labels.[fact.status]`). */
  labels: Record<string, string>;
  /** Page X of Y with placeholders `{page}` and `{pages}`. */
  pageOf: string;
}

/** One decision, worded for a document. */
export interface DecisionView {
  outcome?: string;
  outcomeLabel?: string;
  /** The decision in words (`Do not pay the ransom`), as safe HTML. */
  textHtml?: string;
  at?: string;
  /** The time of day alone, for lists of decisions on one day. */
  time?: string;
  by?: string;
  rationaleHtml?: string;
  alternatives: { optionHtml: string; riskHtml?: string }[];
}

/** Options for {@link buildView}. */
export interface BuildViewOptions {
  locales: Locales;
  /** "Now", for overdue actions; a fixed value keeps outputs reproducible in tests. */
  now?: number;
  /** The organization's logo as a `data:` URL. */
  logo?: string;
}

/** Builds the view of one document of a log in one language, falling back to the primary language where a text is missing. */
export function buildView(log: IncidentLog, kind: DocumentKind, lang: string, options: BuildViewOptions): DocumentView {
  const primary = log.languages[0] as string;
  const locale = (options.locales.get(lang) ?? options.locales.get(primary)) as Locale;
  const english = options.locales.get('en');
  const labels: Record<string, string> = { ...english?.labels, ...locale.labels };
  const label = (key: string) => labels[key] ?? key;
  const pick = (text: Localized | undefined): string | undefined =>
    text ? (text[lang] ?? text[primary] ?? Object.values(text)[0]) : undefined;
  const zone = log.timezone;
  const when = (time: LogTime | undefined) => (time ? formatTime(time, locale, zone) : undefined);
  const asOfEpoch = log.updated?.epoch ?? options.now ?? Date.now();
  const now = asOfEpoch;

  const facts: Fact[] = [];
  const fact = (key: string, value: string | undefined, tone?: string, wide = false) => {
    if (value) facts.push({ label: label(key), value, ...(tone ? { tone } : {}), ...(wide ? { wide } : {}) });
  };
  const w = log.window;
  const rescheduledWindow =
    (log.rescheduled ? formatWindow(log.rescheduled.start, log.rescheduled.end, locale, zone) : undefined) ??
    (log.noNewDate ? label('rescheduled.none') : undefined);
  fact('fact.planned', formatWindow(w?.start, w?.end, locale, zone), undefined, true);
  if (w?.actualStart || w?.actualEnd) fact('fact.actual', formatWindow(w.actualStart, w.actualEnd, locale, zone), undefined, true);
  fact('fact.started', when(log.started));
  fact('fact.detected', when(log.detected));
  fact('fact.mitigated', when(log.mitigated));
  fact('fact.resolved', when(log.resolved));
  // The main decision: its outcome, else its words ("Do not pay the ransom").
  const decided = log.decision?.outcome ? label(`outcome.${log.decision.outcome}`) : markdownToText(pick(log.decision?.text));
  if (decided) {
    const at = log.decision?.at ? ` · ${formatTime(log.decision.at, locale, zone, 'short')}` : '';
    fact('fact.decision', `${decided}${at}`, 'strong', decided.length > 30);
  }
  fact('rescheduled.label', rescheduledWindow, 'info', true);
  if (w?.start && w.end) fact('fact.plannedDuration', formatSpan(w.end.epoch - w.start.epoch, [w.start, w.end], locale));
  if (w?.actualStart && w.actualEnd)
    fact('fact.actualDuration', formatSpan(w.actualEnd.epoch - w.actualStart.epoch, [w.actualStart, w.actualEnd], locale));
  if (w?.end && w.actualEnd && w.actualEnd.epoch > w.end.epoch)
    fact('fact.overrun', formatSpan(w.actualEnd.epoch - w.end.epoch, [w.end, w.actualEnd], locale), 'bad');
  const durations = phaseDurations(log);
  if (durations.toDetectMs !== undefined) fact('fact.timeToDetect', formatSpan(durations.toDetectMs, [log.started, log.detected], locale));
  if (durations.toMitigateMs !== undefined)
    fact('fact.timeToMitigate', formatSpan(durations.toMitigateMs, [log.started ?? log.detected, log.mitigated], locale));
  if (durations.toResolveMs !== undefined)
    fact('fact.timeToResolve', formatSpan(durations.toResolveMs, [log.started ?? log.detected, log.resolved], locale));
  const downtime = log.impact?.downtimeMs !== undefined ? formatDuration(log.impact.downtimeMs, locale) : pick(log.impact?.downtimeText);
  // Before a scheduled change happens, its downtime and data loss are expectations, and say so.
  const upcoming = log.status === 'scheduled';
  fact(upcoming ? 'fact.expectedDowntime' : 'fact.downtime', downtime);
  const dataLoss =
    log.impact?.dataLossFlag !== undefined
      ? label(log.impact.dataLossFlag ? 'value.dataLoss.some' : upcoming ? 'value.dataLoss.noneExpected' : 'value.dataLoss.none')
      : pick(log.impact?.dataLoss);
  fact('fact.dataLoss', dataLoss);

  const noticeWhen: Fact[] = [];
  const whenFact = (key: string, value: string | undefined) => {
    if (value) noticeWhen.push({ label: label(key), value });
  };
  // What users ask: when did it start and end (or is it still going on); for planned work the
  // window, what really happened, when it was called off, and when it happens next.
  if (log.type === 'incident') {
    const began = log.started ?? log.detected;
    whenFact('when.started', when(began));
    if (log.resolved) whenFact('when.ended', when(log.resolved));
    else if (began) whenFact('when.status', label('when.ongoing'));
    if (began && log.resolved) whenFact('when.duration', formatSpan(log.resolved.epoch - began.epoch, [began, log.resolved], locale));
  } else {
    whenFact('fact.planned', formatWindow(w?.start, w?.end, locale, zone));
    if (w?.actualStart || w?.actualEnd) whenFact('fact.actual', formatWindow(w.actualStart, w.actualEnd, locale, zone));
    const calledOff = log.status === 'postponed' || log.status === 'rolled-back' || log.status === 'cancelled';
    if (calledOff) whenFact(`when.${log.status}`, when(log.decision?.at));
    const awaitsNewDate = log.status === 'postponed' || log.status === 'rolled-back';
    whenFact('rescheduled.label', rescheduledWindow ?? (awaitsNewDate ? label('rescheduled.none') : undefined));
  }
  if (log.impact?.downtimeMs !== 0) whenFact(upcoming ? 'fact.expectedDowntime' : 'fact.downtime', downtime);

  const section = (
    key: string,
    markdown?: { text: Record<string, { heading: string; markdown: string; after?: string }> },
  ): SectionView | undefined => {
    const source = markdown ?? log.sections[key];
    if (!source) return undefined;
    const own = source.text[lang];
    const textLang = own ? lang : source.text[primary] ? primary : Object.keys(source.text)[0];
    const text = textLang ? source.text[textLang] : undefined;
    if (!text || text.markdown.trim() === '') return undefined;
    return {
      key,
      heading: key === 'custom' ? text.heading : label(`section.${key}`),
      html: renderMarkdown(text.markdown),
      lang: textLang as string,
      fallback: !own,
      ...(text.after !== undefined ? { after: text.after } : {}),
    };
  };
  const sections: Partial<Record<string, SectionView>> = {};
  for (const key of knownSectionKeys) {
    const view = section(key);
    if (view) sections[key] = view;
  }

  const events = log.timeline[lang] ?? log.timeline[primary] ?? Object.values(log.timeline)[0] ?? [];
  // The rows that record a decision, by what they say, not every row that shares its time.
  const decisionRowSet = decisionRows(events, log.decisions, [label('fact.decision'), english?.labels['fact.decision'] ?? ''], zone);
  let lastDay = '';
  const timeline = events.map((event, index) => {
    const day = dayOf(event.at, zone);
    const newDay = day !== lastDay;
    lastDay = day;
    return {
      number: index + 1,
      date: formatTime(event.at, locale, zone, 'date'),
      time: formatTime(event.at, locale, zone, 'time'),
      ...(event.at.dateOnly ? { day: shortDay(event.at, locale.intl, zone) } : {}),
      textHtml: renderInline(event.text),
      newDay,
      decision: decisionRowSet.has(index),
    };
  });
  const picture = timelinePicture({
    ...log,
    window: w,
    decisions: log.decisions,
    events,
    decisionRows: decisionRowSet,
    locale,
    zone,
    label,
    title: `${label('section.timeline')}: ${pick(log.title) ?? log.id}`,
  });
  const timelineSection = log.sections.timeline;
  const timelineRest = timelineSection ? section('timeline') : undefined;

  const actions = log.actions.map((action) => {
    const overdue = isOverdue(action, now);
    const closed = isClosed(action);
    const statusKey = overdue ? 'overdue' : action.status;
    const link = action.link ? linkHtml(action.link) : undefined;
    return {
      titleHtml: renderInline(pick(action.title)),
      owner: pick(action.ownerName) ?? action.owner,
      due: action.due ? formatTime(action.due, locale, zone, 'day') : undefined,
      priority: action.priority ? (labels[`priority.${action.priority.toLowerCase()}`] ?? action.priority) : undefined,
      done: action.status === 'done',
      closed,
      status: action.status,
      statusLabel: label(`action.${statusKey}`),
      statusClass:
        action.status === 'done' ? 'state-done' : action.status === 'wont-do' ? 'state-closed' : `state-${overdue ? 'overdue' : 'open'}`,
      overdue,
      type: action.type,
      typeLabel: action.type ? label(`action.type.${action.type}`) : undefined,
      linkHtml: link,
      linkIsUrl: link?.startsWith('<a ') ?? false,
      doneOn: action.done ? formatTime(action.done, locale, zone, 'day') : undefined,
    };
  });

  const decisionView = (d: NonNullable<IncidentLog['decision']>): DecisionView => ({
    outcome: d.outcome,
    outcomeLabel: d.outcome ? label(`outcome.${d.outcome}`) : undefined,
    textHtml: renderInline(pick(d.text)) || undefined,
    at: when(d.at),
    time: d.at ? formatTime(d.at, locale, zone, 'short') : undefined,
    by: pick(d.by),
    rationaleHtml: renderInline(pick(d.rationale)) || undefined,
    alternatives: d.alternatives.map((alt) => ({
      optionHtml: renderInline(pick(alt.option)),
      riskHtml: renderInline(pick(alt.risk)) || undefined,
    })),
  });
  const decision = log.decision ? decisionView(log.decision) : undefined;

  const people: Fact[] = [];
  const person = (key: string, value: string | undefined, wide = false) => {
    if (value) people.push({ label: label(key), value, ...(wide ? { wide } : {}) });
  };
  person('role.commander', pick(log.commander));
  const responders = log.responders.map(pick).filter((name): name is string => Boolean(name));
  if (responders.length > 0) person('role.responders', cachedListFormat(locale.intl).format(responders), true);
  person('role.postmortemOwner', pick(log.postmortemOwner));

  // Made only for a log with figures: building a view runs once per document of a batch.
  const listed = log.impact?.figures ?? [];
  const numbers = listed.length > 0 ? new Intl.NumberFormat(locale.intl, { maximumFractionDigits: 20 }) : undefined;
  const figures = listed.map((figure) => {
    const value = (numbers as Intl.NumberFormat).format(figure.value);
    const unit = pick(figure.unit);
    // "85%", but "18,400 payments": a sign for a unit sits right after the number.
    return { label: pick(figure.label) ?? '', value, unit, amount: unit ? `${value}${/^[%‰°]/.test(unit) ? '' : ' '}${unit}` : value };
  });

  const usersHtml = renderInline(pick(log.impact?.users)) || undefined;
  const summaryHtml = sections.summary?.html ?? (log.impact?.summary ? `<p>${renderInline(pick(log.impact.summary))}</p>` : '');

  const customSections = log.customSections
    .map((custom) => section('custom', custom))
    .filter((view): view is SectionView => view !== undefined);
  return {
    lang,
    languageName: locale.name,
    kind,
    kindLabel: label(`doc.${kind}`),
    id: log.id,
    // Users read the notice: it carries the plain headline when the log has one.
    title: (kind === 'notice' ? pick(log.headline) : undefined) ?? pick(log.title) ?? log.id,
    organization: pick(log.organizationName) ?? log.organization,
    logo: options.logo,
    author: pick(log.authorName) ?? log.author,
    approvers: log.approvers.map((name, i) => pick(log.approverNames[i]) ?? name),
    type: log.type,
    typeLabel: label(`type.${log.type}`),
    planned: log.type !== 'incident',
    status: log.status,
    statusLabel: label(`status.${log.status}`),
    statusTone: statusTone(log.status),
    severity: log.severity ? { code: log.severity, label: label(`severity.${log.severity}`) } : undefined,
    timezone: zone,
    asOf: formatTime({ iso: '', epoch: asOfEpoch, zone, dateOnly: true }, locale, zone, 'day'),
    upcoming,
    decisionSectionRepeats: Boolean(log.decision?.rationale && log.decision.alternatives.length > 0),
    facts,
    when: noticeWhen,
    systems: log.systems.map((system) => ({ name: pick(system.name) ?? '', impact: pick(system.impact) })),
    summaryHtml,
    noticeHtml: sections.announcement?.html ?? `${summaryHtml}${usersHtml ? `<p>${usersHtml}</p>` : ''}`,
    impact: {
      usersHtml,
      summaryHtml: renderInline(pick(log.impact?.summary)) || undefined,
      downtime,
      dataLoss,
    },
    figures,
    people,
    decision,
    decisions: log.decisions.map(decisionView),
    rescheduled: rescheduledWindow ? { window: rescheduledWindow } : undefined,
    actions,
    actionTypes: actions.some((a) => a.type !== undefined),
    openActions: actions.filter((a) => !a.closed).length,
    timeline,
    timelineHtml: timelineRest?.html ?? '',
    timelineSvg: picture,
    sections,
    customSections,
    customAfter: groupBy(customSections, (custom) => custom.after ?? ''),
    contacts: log.contacts[lang] ?? log.contacts[primary] ?? Object.values(log.contacts)[0] ?? [],
    tags: log.tags,
    labels,
    pageOf: label('page.of'),
  };
}

/** A tracker link as safe HTML: a link only for an http or https URL; a key (`JIRA-123`) or any other text stays text. */
function linkHtml(link: string): string {
  let url: URL | undefined;
  try {
    url = /^https?:\/\//i.test(link) ? new URL(link) : undefined;
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return escapeXml(link);
  return `<a class="url" href="${escapeXml(url.href)}" rel="noopener noreferrer nofollow">${escapeXml(link)}</a>`;
}

/** Items grouped by a key, in their order. */
function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Record<string, T[]> {
  const groups: Record<string, T[]> = {};
  for (const item of items) (groups[keyOf(item)] ??= []).push(item);
  return groups;
}
