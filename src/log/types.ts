/** Shapes of a parsed incident log and of the findings produced while reading it. */

/** How serious a finding is: an error stops rendering, a warning is something a reader would miss. */
export type Severity = 'error' | 'warning';

/** One problem found in a log, positioned so an editor can jump to it. */
export interface Finding {
  file: string;
  /** 1-based line in the file. */
  line: number;
  /** 1-based column in the file. */
  column: number;
  severity: Severity;
  /** Stable rule name, e.g. `front-matter/type`. */
  rule: string;
  message: string;
}

/** A text per language code; always holds the primary language when the log gave the value at all. */
export type Localized = Record<string, string>;

export type LogType = 'incident' | 'change' | 'maintenance';

/** A point in time as written in the log, resolved in the log's timezone. */
export interface LogTime {
  /** ISO 8601 with the offset that applies, e.g. `2015-12-11T19:00:00.000+07:00`. */
  iso: string;
  /** Milliseconds since the epoch. */
  epoch: number;
  /** The IANA zone (or fixed offset zone) the time is shown in. */
  zone: string;
  /** True when the log gave only a date (no time of day). */
  dateOnly: boolean;
  /** True when the author marked the time as approximate (`~14:00`, `ca. 14:00`). */
  approx?: boolean;
  /** The zone the author wrote after the time (`UTC`, `PDT`, `+05:30`) when it is not the log's own; the time is shown in the log's zone. */
  written?: string;
}

export interface SystemEntry {
  name: Localized;
  impact?: Localized;
}

export interface Alternative {
  option: Localized;
  risk?: Localized;
}

export interface Decision {
  outcome?: 'proceed' | 'rollback' | 'postpone' | 'abort';
  /** The decision in words, when no outcome says it (`Do not pay the ransom`). */
  text?: Localized;
  at?: LogTime;
  by?: Localized;
  rationale?: Localized;
  alternatives: Alternative[];
}

/** Where an action item stands: `done` and `wont-do` close it. */
export type ActionStatus = 'open' | 'in-progress' | 'done' | 'wont-do';

/** What an action item is for. */
export type ActionType = 'detect' | 'mitigate' | 'prevent' | 'process';

export interface ActionItem {
  title: Localized;
  /** The owner's name in the primary language, for places that need one plain text (archive, CSV). */
  owner?: string;
  /** The owner's name per language. */
  ownerName?: Localized;
  due?: LogTime;
  status: ActionStatus;
  priority?: string;
  type?: ActionType;
  /** A tracker URL or key (`JIRA-123`), as written. */
  link?: string;
  /** When the action was completed. */
  done?: LogTime;
}

export interface Impact {
  users?: Localized;
  /** ISO 8601 duration in milliseconds, when the log gave one. */
  downtimeMs?: number;
  /** The downtime as free text, when the log gave text instead of a duration. */
  downtimeText?: Localized;
  dataLoss?: Localized;
  /** True / false when the log said so with a boolean. */
  dataLossFlag?: boolean;
  summary?: Localized;
  /** The impact in numbers, in the order written. */
  figures?: ImpactFigure[];
}

/** One number of the impact: `{label: Failed payments, value: 18400}`. */
export interface ImpactFigure {
  label: Localized;
  value: number;
  unit?: Localized;
}

/** A `##` section of the body in one language. */
export interface SectionText {
  heading: string;
  markdown: string;
  /** 1-based line of the heading in the file. */
  line: number;
  /** 1-based line in the file where `markdown` starts. */
  markdownLine: number;
  /** The zone the heading names (`## Timeline (UTC)`): times under it without their own zone are in it. */
  zone?: string;
  /** For a custom section: the known section it follows in the log (`''` when none does), to keep the log's order. */
  after?: string;
}

/** A known section (summary, timeline, …) or a custom one, with its text per language. */
export interface Section {
  /** Known section key (`summary`, `timeline`, …) or `custom`. */
  key: string;
  /** Per language code. */
  text: Record<string, SectionText>;
}

/** One dated line of the timeline section. */
export interface TimelineEvent {
  at: LogTime;
  /** Markdown text of the item. */
  text: string;
  line: number;
}

export interface Window {
  start?: LogTime;
  end?: LogTime;
  actualStart?: LogTime;
  actualEnd?: LogTime;
}

/** A whole incident log, read and normalized; every later stage starts from this. */
export interface IncidentLog {
  file: string;
  id: string;
  /** Line of the `id:` key, when the front matter sets the id. */
  idLine?: number;
  title: Localized;
  /** What users see as the notice's title (and e-mail subject), in plain words; default the title. */
  headline?: Localized;
  type: LogType;
  status: string;
  severity?: string;
  languages: string[];
  timezone: string;
  /** The organization's name in the primary language: for places that take one plain text (PDF header, archive). */
  organization?: string;
  /** The organization's name per language. */
  organizationName?: Localized;
  /** The author's name in the primary language. */
  author?: string;
  /** The author's name per language. */
  authorName?: Localized;
  /** Approvers' names in the primary language. */
  approvers: string[];
  /** Approvers' names per language, in the same order as `approvers`. */
  approverNames: Localized[];
  /** The incident commander. */
  commander?: Localized;
  /** Who worked on the incident. */
  responders: Localized[];
  /** Who owns the post-mortem and its follow-up. */
  postmortemOwner?: Localized;
  contacts: Record<string, string[]>;
  systems: SystemEntry[];
  window?: Window;
  /** When the impact began (it may be before anyone noticed). */
  started?: LogTime;
  detected?: LogTime;
  /** When the impact was stopped or contained, before the incident was resolved. */
  mitigated?: LogTime;
  resolved?: LogTime;
  /**
   * The main decision: `decision:` when the log has one, else the last of `decisions:` that has an
   * outcome, else the last of them.
   */
  decision?: Decision;
  /** Every decision, `decision:` first, then `decisions:` in the order written. */
  decisions: Decision[];
  rescheduled?: { start?: LogTime; end?: LogTime };
  /** True when the log says there is no new date yet (`rescheduled: none` or `tbd`). */
  noNewDate?: boolean;
  impact?: Impact;
  actions: ActionItem[];
  tags: string[];
  /** When the log was last brought up to date: the documents' "as of" date, and what overdue actions are measured against. */
  updated?: LogTime;
  /** Known sections by key. */
  sections: Record<string, Section>;
  /** Custom sections in the order of the primary language (or first seen). */
  customSections: Section[];
  /** Timeline events per language, when the timeline section has dated items. */
  timeline: Record<string, TimelineEvent[]>;
  /** The notice's updates over time (`updates:`), oldest first; absent or empty when the log has none. */
  updates?: NoticeUpdate[];
  /** Where the report and lessons stand in review (`review:`); absent when the log does not say. */
  review?: Review;
}

/** What an update says about an incident (investigating → resolved) or a change or maintenance. */
export type UpdateStatus =
  | 'investigating'
  | 'identified'
  | 'monitoring'
  | 'resolved'
  | 'scheduled'
  | 'in-progress'
  | 'completed'
  | 'postponed'
  | 'rolled-back'
  | 'cancelled';

/** One update of the notice: "Update 3 — Saturday 12 December 2015 14:45 WIB: postponed to the 18th". */
export interface NoticeUpdate {
  /** 1-based number in the order written (which is the order of time); with the log id, a stable id: `<log id>/update-<n>`. */
  n: number;
  at: LogTime;
  status: UpdateStatus;
  /** What the update tells users, per language (Markdown). */
  text: Localized;
  /** The window as this update moves it (a postponement's new date). */
  rescheduled?: { start?: LogTime; end?: LogTime };
  /** 1-based line of the update in the file. */
  line: number;
}

export type ReviewStatus = 'draft' | 'in-review' | 'approved';

/** One sign-off of the report. */
export interface Approval {
  name: Localized;
  role?: Localized;
  at?: LogTime;
}

export interface Review {
  status: ReviewStatus;
  approvals: Approval[];
}

/** Values a log takes when its front matter does not give them (from warta.config.yaml). */
export interface LogDefaults {
  languages?: string[];
  timezone?: string;
  organization?: string;
}

/** What reading one log gives: the log when it can be rendered, and every finding either way. */
export interface LoadResult {
  file: string;
  log?: IncidentLog;
  findings: Finding[];
}
