import type { Locale } from '../locale/types.js';
import type { LogTime, LogType, TimelineEvent, Window } from '../log/types.js';
import { markdownToText } from '../html/markdown.js';
import { cachedDateFormat } from '../locale/cached-date-format.js';
import { timelineSvg, type TimelineBar } from '../html/timeline-svg.js';
import { formatDuration } from './format-duration.js';
import { dayOf } from './format-time.js';

/** What {@link timelinePicture} draws from: the parts of a log the picture shows, and its words. */
export interface TimelinePictureInput {
  type: LogType;
  status: string;
  window?: Window;
  started?: LogTime;
  detected?: LogTime;
  mitigated?: LogTime;
  resolved?: LogTime;
  /** Every decision of the log; those without a time are not drawn. */
  decisions: readonly ({ at?: LogTime } | undefined)[];
  /** The events of the document's timeline table, in its order. */
  events: readonly TimelineEvent[];
  /** Indexes of the table rows the decisions refer to (see {@link decisionRows}). */
  decisionRows: ReadonlySet<number>;
  locale: Locale;
  zone: string;
  label: (key: string) => string;
  /** Accessible name of the picture. */
  title: string;
}

/** Statuses of an incident that is not over yet. */
const openIncident = new Set(['investigating', 'identified', 'monitoring']);

/**
 * The timeline picture of a log as inline SVG, or '' when there is nothing worth drawing (a planned
 * window alone). An incident without a resolution is drawn open-ended up to its last event; so is a
 * change in progress without an actual end.
 */
export function timelinePicture(input: TimelinePictureInput): string {
  const { window: w, events, label, locale } = input;
  const last = [...events].sort((a, b) => a.at.epoch - b.at.epoch).at(-1)?.at;
  /** Up to the last thing known: the last event, when it is later than the start. */
  const openEnd = (start: LogTime): Pick<TimelineBar, 'end' | 'endDateOnly' | 'ongoing'> =>
    last && last.epoch >= start.epoch
      ? { end: last.epoch, endDateOnly: last.dateOnly, ongoing: true }
      : { end: start.epoch, endDateOnly: start.dateOnly, ongoing: true };

  const incidentStart = input.started ?? input.detected;
  const ongoingIncident =
    input.type === 'incident' && incidentStart !== undefined && input.resolved === undefined && openIncident.has(input.status);
  const outage: TimelineBar | undefined = incidentStart
    ? input.resolved
      ? {
          start: incidentStart.epoch,
          startDateOnly: incidentStart.dateOnly,
          end: input.resolved.epoch,
          endDateOnly: input.resolved.dateOnly,
          label: label('svg.outage'),
        }
      : ongoingIncident
        ? { start: incidentStart.epoch, startDateOnly: incidentStart.dateOnly, ...openEnd(incidentStart), label: label('svg.outage') }
        : undefined
    : undefined;
  if (outage) {
    // Detection and mitigation inside the incident are marked on its bar.
    const marks = [
      input.started && input.detected && input.detected.epoch > input.started.epoch
        ? { at: input.detected, key: 'fact.detected' }
        : undefined,
      input.mitigated ? { at: input.mitigated, key: 'fact.mitigated' } : undefined,
    ].flatMap((m) => (m ? [{ at: m.at.epoch, dateOnly: m.at.dateOnly, label: label(m.key) }] : []));
    if (marks.length > 0) outage.marks = marks;
  }

  const actualOngoing = input.status === 'in-progress' && !w?.actualEnd ? w?.actualStart : undefined;
  const actual: TimelineBar | undefined =
    w?.actualStart && w.actualEnd
      ? {
          start: w.actualStart.epoch,
          startDateOnly: w.actualStart.dateOnly,
          end: w.actualEnd.epoch,
          endDateOnly: w.actualEnd.dateOnly,
          label: label('svg.actual'),
        }
      : actualOngoing
        ? { start: actualOngoing.epoch, startDateOnly: actualOngoing.dateOnly, ...openEnd(actualOngoing), label: label('svg.actual') }
        : undefined;

  // A planned window alone, with nothing that happened in it, makes no picture worth a place.
  if (!actual && !outage && events.length < 2) return '';
  return timelineSvg({
    intl: locale.intl,
    timezone: input.zone,
    title: input.title,
    planned:
      w?.start && w.end
        ? {
            start: w.start.epoch,
            startDateOnly: w.start.dateOnly,
            end: w.end.epoch,
            endDateOnly: w.end.dateOnly,
            label: label('svg.planned'),
          }
        : undefined,
    actual,
    outage,
    overrunLabel:
      w?.end && w.actualEnd && w.actualEnd.epoch > w.end.epoch
        ? `${label('fact.overrun')} ${formatDuration(w.actualEnd.epoch - w.end.epoch, locale)}`
        : undefined,
    ongoingLabel: label('svg.ongoing'),
    decisions: input.decisions.flatMap((d) => (d?.at ? [{ at: d.at.epoch, dateOnly: d.at.dateOnly, label: label('fact.decision') }] : [])),
    events: events.map((event, index) => ({
      at: event.at.epoch,
      dateOnly: event.at.dateOnly,
      decision: input.decisionRows.has(index),
    })),
    eventsLabel: label('timeline.event'),
  });
}

/** A day in the timeline table's time column, for an event given as a day: `Sat 26 Mar`, `Sab, 26 Mar`. */
export function shortDay(time: Pick<LogTime, 'epoch'>, intl: string, zone: string): string {
  return cachedDateFormat(intl, { weekday: 'short', day: 'numeric', month: 'short', timeZone: zone }).format(new Date(time.epoch));
}

/** Words an event uses when it records a decision, in the built-in languages. */
const decisionWords = /\b(decid\w*|decision\w*|keputusan|memutuskan|diputuskan)\b/i;

/**
 * The rows of a timeline table that record a decision: at the decision's minute (or on its day, for
 * a decision or event given as a day), and, where several rows share that time, only those that say
 * they are a decision (`decisionLabels`, e.g. 'Decision' / 'Keputusan', or the built-in words).
 * Rows that merely happened at the same time are not the decision.
 */
export function decisionRows(
  events: readonly TimelineEvent[],
  decisions: readonly ({ at?: LogTime } | undefined)[],
  decisionLabels: readonly string[],
  zone: string,
): Set<number> {
  const words = decisionLabels.filter((w) => w.trim() !== '').map((w) => w.trim().toLowerCase());
  const says = (event: TimelineEvent) => {
    const text = markdownToText(event.text).toLowerCase();
    return decisionWords.test(text) || words.some((w) => text.includes(w));
  };
  const rows = new Set<number>();
  for (const decision of decisions) {
    const at = decision?.at;
    if (!at) continue;
    const day = dayOf(at, zone);
    const candidates = events.flatMap((event, index) => {
      const sameDay = dayOf(event.at, zone) === day;
      const same = at.dateOnly || event.at.dateOnly ? sameDay : Math.floor(event.at.epoch / 60_000) === Math.floor(at.epoch / 60_000);
      return same ? [index] : [];
    });
    const saying = candidates.filter((index) => says(events[index]!));
    const exact = candidates.length === 1 && !at.dateOnly && !events[candidates[0]!]!.at.dateOnly;
    for (const index of saying.length > 0 ? saying : exact ? candidates : []) rows.add(index);
  }
  return rows;
}
