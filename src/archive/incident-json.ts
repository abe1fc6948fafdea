import { relative, sep } from 'node:path';
import type { ActionStatus, ActionType, Decision, IncidentLog, Localized, LogTime, Section } from '../log/types.js';
import { phaseDurations } from '../model/phase-durations.js';

/**
 * The shape of `output/incidents.json`, version 1. Stable: every key is always present (`null`
 * when the log has no value, `[]` / `{}` for empty lists and maps), new keys may be added but none
 * is renamed or removed within a version. Times are ISO 8601 strings with the offset of the log's
 * timezone (`2015-12-11T19:00:00.000+07:00`; a date given without a time is midnight in that
 * timezone); texts that may be translated are maps from language code to text; durations are
 * whole milliseconds. Format v1.1 added keys (phases, roles, names per language, decisions,
 * impact figures, action type, link and completion date) and the action statuses `in-progress`
 * and `wont-do`.
 */
export interface IncidentsFile {
  format: 'warta-incidents';
  version: 1;
  /** When the archive was built. */
  generated: string;
  /** Every log that rendered, newest first. */
  incidents: IncidentJson[];
}

/** One decision of a log. */
export interface DecisionJson {
  outcome: 'proceed' | 'rollback' | 'postpone' | 'abort' | null;
  /** The decision in words, when the log gave it (its `decision` key). */
  text: Localized | null;
  at: string | null;
  by: Localized | null;
  rationale: Localized | null;
  alternatives: { option: Localized; risk: Localized | null }[];
}

/** A section's text in one language: the heading as written and the Markdown under it. */
export interface SectionTextJson {
  heading: string;
  markdown: string;
}

/** One log, normalized: the front matter after defaults and the body cut into sections. */
export interface IncidentJson {
  id: string;
  /** The log file, relative to the folder the run started in, with `/`. */
  file: string;
  title: Localized;
  /** The plain headline users see on the notice, when the log has one. */
  headline: Localized | null;
  type: 'incident' | 'change' | 'maintenance';
  status: string;
  severity: string | null;
  /** The primary language first. */
  languages: string[];
  timezone: string;
  /** The date the archive files the log under: detection, else the (actual) window start, the decision or the last update. */
  date: string | null;
  /** The organization's name in the primary language; `organizationName` has it per language. */
  organization: string | null;
  organizationName: Localized | null;
  /** The author's name in the primary language; `authorName` has it per language. */
  author: string | null;
  authorName: Localized | null;
  /** Approvers' names in the primary language; `approverNames` has them per language, in the same order. */
  approvers: string[];
  approverNames: Localized[];
  /** The incident commander. */
  commander: Localized | null;
  responders: Localized[];
  postmortemOwner: Localized | null;
  contacts: Record<string, string[]>;
  systems: { name: Localized; impact: Localized | null }[];
  window: { start: string | null; end: string | null; actualStart: string | null; actualEnd: string | null } | null;
  /** When the impact began. */
  started: string | null;
  detected: string | null;
  /** When the impact was stopped or contained. */
  mitigated: string | null;
  resolved: string | null;
  /** `detected − started`, in milliseconds. */
  timeToDetectMs: number | null;
  /** `mitigated − (started, else detected)`, in milliseconds. */
  timeToMitigateMs: number | null;
  /** `resolved − (started, else detected)`, in milliseconds. */
  timeToResolveMs: number | null;
  /** The main decision: the log's `decision`, else the last of its `decisions` with an outcome, else the last. */
  decision: DecisionJson | null;
  /** Every decision, in the order taken (as written when one has no time). */
  decisions: DecisionJson[];
  rescheduled: { start: string | null; end: string | null } | null;
  impact: {
    users: Localized | null;
    summary: Localized | null;
    /** ISO 8601 duration (`PT2H18M`) when the log gave one. */
    downtime: string | null;
    downtimeMs: number | null;
    /** The downtime when the log described it in words instead. */
    downtimeText: Localized | null;
    dataLoss: Localized | null;
    dataLossFlag: boolean | null;
    /** The impact in numbers, in the order written. */
    figures: { label: Localized; value: number; unit: Localized | null }[];
  } | null;
  actions: {
    title: Localized;
    /** The owner's name in the primary language; `ownerName` has it per language. */
    owner: string | null;
    ownerName: Localized | null;
    due: string | null;
    status: ActionStatus;
    priority: string | null;
    type: ActionType | null;
    /** A tracker URL or key, as written. */
    link: string | null;
    /** When the action was completed. */
    done: string | null;
  }[];
  tags: string[];
  updated: string | null;
  /** Known sections by key (`summary`, `root-cause`, `lessons`, …), each by language. */
  sections: Record<string, Record<string, SectionTextJson>>;
  /** The log's own sections, in order, each by language. */
  customSections: Record<string, SectionTextJson>[];
  /** Dated timeline items by language. */
  timeline: Record<string, { at: string; text: string }[]>;
  /** The rendered documents that exist, relative to the output folder (`<id>/report.en.html`). */
  documents: string[];
}

const time = (value: LogTime | undefined): string | null => value?.iso ?? null;
const text = (value: Localized | undefined): Localized | null => (value ? { ...value } : null);
const decisionJson = (d: Decision): DecisionJson => ({
  outcome: d.outcome ?? null,
  text: text(d.text),
  at: time(d.at),
  by: text(d.by),
  rationale: text(d.rationale),
  alternatives: d.alternatives.map((a) => ({ option: { ...a.option }, risk: text(a.risk) })),
});
const sectionJson = (section: Section): Record<string, SectionTextJson> =>
  Object.fromEntries(Object.entries(section.text).map(([lang, t]) => [lang, { heading: t.heading, markdown: t.markdown }]));

/** Milliseconds as an ISO 8601 duration, `PT2H18M`; days stay hours so the value never depends on a calendar. */
function isoDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const parts = `${h ? `${h}H` : ''}${m ? `${m}M` : ''}${s ? `${s}S` : ''}`;
  return `PT${parts || '0S'}`;
}

/**
 * One log in the documented `incidents.json` shape: JSON-safe (no `undefined`, no functions, no
 * epochs that depend on a reader's timezone) and without machine-local absolute paths.
 */
export function toIncidentJson(
  log: IncidentLog,
  options: { date?: LogTime; documents: readonly string[]; sourceRoot: string },
): IncidentJson {
  const rel = relative(options.sourceRoot, log.file);
  const file = rel.startsWith('..') || rel === '' ? (log.file.split(/[\\/]/).pop() ?? log.file) : rel.split(sep).join('/');
  const impact = log.impact;
  const durations = phaseDurations(log);
  return {
    id: log.id,
    file,
    title: { ...log.title },
    headline: text(log.headline),
    type: log.type,
    status: log.status,
    severity: log.severity ?? null,
    languages: [...log.languages],
    timezone: log.timezone,
    date: time(options.date),
    organization: log.organization ?? null,
    organizationName: text(log.organizationName),
    author: log.author ?? null,
    authorName: text(log.authorName),
    approvers: [...log.approvers],
    approverNames: log.approverNames.map((name) => ({ ...name })),
    commander: text(log.commander),
    responders: log.responders.map((name) => ({ ...name })),
    postmortemOwner: text(log.postmortemOwner),
    contacts: Object.fromEntries(Object.entries(log.contacts).map(([lang, list]) => [lang, [...list]])),
    systems: log.systems.map((s) => ({ name: { ...s.name }, impact: text(s.impact) })),
    window: log.window
      ? {
          start: time(log.window.start),
          end: time(log.window.end),
          actualStart: time(log.window.actualStart),
          actualEnd: time(log.window.actualEnd),
        }
      : null,
    started: time(log.started),
    detected: time(log.detected),
    mitigated: time(log.mitigated),
    resolved: time(log.resolved),
    timeToDetectMs: durations.toDetectMs ?? null,
    timeToMitigateMs: durations.toMitigateMs ?? null,
    timeToResolveMs: durations.toResolveMs ?? null,
    decision: log.decision ? decisionJson(log.decision) : null,
    decisions: log.decisions.map(decisionJson),
    rescheduled: log.rescheduled ? { start: time(log.rescheduled.start), end: time(log.rescheduled.end) } : null,
    impact: impact
      ? {
          users: text(impact.users),
          summary: text(impact.summary),
          downtime: impact.downtimeMs !== undefined ? isoDuration(impact.downtimeMs) : null,
          downtimeMs: impact.downtimeMs ?? null,
          downtimeText: text(impact.downtimeText),
          dataLoss: text(impact.dataLoss),
          dataLossFlag: impact.dataLossFlag ?? null,
          figures: (impact.figures ?? []).map((f) => ({ label: { ...f.label }, value: f.value, unit: text(f.unit) })),
        }
      : null,
    actions: log.actions.map((a) => ({
      title: { ...a.title },
      owner: a.owner ?? null,
      ownerName: text(a.ownerName),
      due: time(a.due),
      status: a.status,
      priority: a.priority ?? null,
      type: a.type ?? null,
      link: a.link ?? null,
      done: time(a.done),
    })),
    tags: [...log.tags],
    updated: time(log.updated),
    sections: Object.fromEntries(Object.entries(log.sections).map(([key, section]) => [key, sectionJson(section)])),
    customSections: log.customSections.map(sectionJson),
    timeline: Object.fromEntries(
      Object.entries(log.timeline).map(([lang, events]) => [lang, events.map((e) => ({ at: e.at.iso, text: e.text }))]),
    ),
    documents: [...options.documents],
  };
}
