import { escapeXml } from './escape-xml.js';
import { cachedDateFormat } from '../locale/cached-date-format.js';
import { wallClockAt } from '../locale/zone-names.js';
/**
 * The timeline picture of an incident or change as a self-contained, static SVG string.
 *
 * It is drawn at render time from plain numbers and already translated labels, so the printed
 * document needs no script, font or image from anywhere: the SVG has no JavaScript, no links, no
 * `url(...)` references (hatching is drawn as plain lines, not as a pattern) and no foreignObject.
 *
 * Every event of the table has its number in the picture exactly once: close events stack in up to
 * three lanes, and a cluster too dense for that becomes one marker labelled with its range ("4–7").
 * Labels and lines are laid out so that none covers a marker or another label.
 */

/** A bar of the picture: a window or the incident, epoch milliseconds. */
export interface TimelineBar {
  start: number;
  end: number;
  label: string;
  /** The start was given as a day without a time: the bar starts when that day starts. */
  startDateOnly?: boolean;
  /** The end was given as a day without a time: the bar runs to the end of that day. */
  endDateOnly?: boolean;
  /** Still going on: `end` is the last thing known, and the bar is drawn open to the right with `ongoingLabel`. */
  ongoing?: boolean;
  /** Moments inside the bar (detected, mitigated), each a notch on the bar with its word and time under it. */
  marks?: { at: number; label: string; dateOnly?: boolean }[];
}

/** A decision drawn as a mark across all rows; the picture adds its time (and its date when it spans days). */
export interface TimelineDecision {
  at: number;
  /** The word for it, e.g. 'Decision' / 'Keputusan', without a time. */
  label: string;
  /** Given as a day: drawn as a band over that day, labelled with the date and no clock. */
  dateOnly?: boolean;
}

/** One row of the document's timeline table. */
export interface TimelineEventMark {
  at: number;
  /** Given as a day without a time: drawn in the middle of that day, with the day marked on the line. */
  dateOnly?: boolean;
  /** The row the decision refers to: its marker takes the decision's colour. */
  decision?: boolean;
}

/** Plain data for {@link timelineSvg}: every time is epoch milliseconds, every label already translated. */
export interface TimelineSvgInput {
  /** BCP 47 locale used for the clock and day labels, e.g. 'id-ID' or 'en-GB'. */
  intl: string;
  /** IANA time zone the clock and day labels are shown in, e.g. 'Asia/Jakarta'. */
  timezone: string;
  /** Accessible name of the picture (its <title> and aria-label). */
  title: string;
  /** The planned window of a change. */
  planned?: TimelineBar;
  /** What actually happened; the part after `planned.end` is marked as overrun. */
  actual?: TimelineBar;
  /** Detected → resolved, for incidents (open-ended while ongoing). */
  outage?: TimelineBar;
  /** Small label under the overrun part, e.g. 'Overrun 7 hours'; shown only when there is an overrun. */
  overrunLabel?: string;
  /** Label at the open end of an ongoing bar, e.g. 'Ongoing' / 'Masih berlangsung'. */
  ongoingLabel?: string;
  /** Decision points, each drawn as a line (a band for a day) across all rows. */
  decisions?: TimelineDecision[];
  /** Events in the order of the document's timeline table; marker i is the i-th entry (1-based). */
  events: TimelineEventMark[];
  /** Label of the events row, e.g. 'Events' / 'Kejadian'. */
  eventsLabel: string;
}

const WIDTH = 720;
/** No text may come closer than this to the left or right edge of the viewBox. */
const EDGE = 6;
const FONT_SIZE = 11;
const SMALL_SIZE = 10;
const NUMBER_SIZE = 9;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WEEK = 7 * DAY;
/** Close events stack in at most this many lanes; a denser cluster becomes one range marker. */
const MAX_EVENT_LANES = 3;
/** Height of an event marker (a circle of radius 7, or a pill as wide as its label). */
const MARK = 14;
/** Space between two markers, and between two lanes. */
const GAP = 2;
/** Height of one row of decision labels above the bars. */
const DECISION_ROW = 14;
const MAX_DECISION_ROWS = 4;

const COLOUR = {
  planned: '#1f4e79',
  actual: '#5b6775',
  overrun: '#a4262c',
  outage: '#00737a',
  decision: '#8a5a00',
  text: '#1b1f24',
  muted: '#57606a',
  grid: '#e1e4e8',
  axis: '#8c959f',
  marker: '#33414e',
} as const;

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/**
 * Draws the timeline picture as one static SVG element (viewBox 720 wide, width 100%), or returns ''
 * when there is nothing to draw: no bar and fewer than two events.
 */
export function timelineSvg(input: TimelineSvgInput): string {
  const zone = new Zone(input.timezone);
  const rows: {
    kind: 'planned' | 'actual' | 'outage';
    bar: Required<Pick<TimelineBar, 'start' | 'end' | 'label' | 'marks'>> & { ongoing: boolean };
  }[] = [];
  for (const kind of ['planned', 'actual', 'outage'] as const) {
    const bar = input[kind];
    if (!bar || !Number.isFinite(bar.start) || !Number.isFinite(bar.end)) continue;
    const start = bar.startDateOnly ? zone.dayOf(bar.start).start : bar.start;
    const end = bar.endDateOnly ? zone.dayOf(bar.end).end : bar.end;
    const marks = (bar.marks ?? []).filter((m) => Number.isFinite(m.at));
    if (end >= start) rows.push({ kind, bar: { start, end, label: bar.label, ongoing: bar.ongoing === true, marks } });
  }
  // Numbers follow the caller's order even when an unusable entry is skipped, so they keep matching the table.
  const events = input.events
    .map((e, i) => ({ at: e.at, dateOnly: e.dateOnly === true, decision: e.decision === true, number: i + 1 }))
    .filter((e) => Number.isFinite(e.at));
  if (rows.length === 0 && events.length < 2) return '';
  const decisions = (input.decisions ?? []).filter((d) => Number.isFinite(d.at));

  // The range of the data: every time, and every day given without a time that lies outside them.
  const timed = [
    ...rows.flatMap((r) => [r.bar.start, r.bar.end, ...r.bar.marks.filter((m) => !m.dateOnly).map((m) => m.at)]),
    ...events.filter((e) => !e.dateOnly).map((e) => e.at),
    ...decisions.filter((d) => !d.dateOnly).map((d) => d.at),
  ];
  const days = [
    ...events.filter((e) => e.dateOnly),
    ...decisions.filter((d) => d.dateOnly),
    ...rows.flatMap((r) => r.bar.marks.filter((m) => m.dateOnly)),
  ].map((e) => zone.dayOf(e.at));
  let dataLo = timed.length > 0 ? Math.min(...timed) : Math.min(...days.map((d) => d.start));
  let dataHi = timed.length > 0 ? Math.max(...timed) : Math.max(...days.map((d) => d.end));
  for (const d of days) {
    if (d.end > dataLo && d.start <= dataHi) continue;
    dataLo = Math.min(dataLo, d.start);
    dataHi = Math.max(dataHi, d.end);
  }
  /** Where a day without a time is drawn: the middle of the part of that day the picture shows. */
  const dayMiddle = (t: number) => {
    const d = zone.dayOf(t);
    return (Math.max(d.start, dataLo) + Math.min(d.end, dataHi)) / 2;
  };
  const multiDay = zone.dayKey(dataLo) !== zone.dayKey(Math.max(dataLo, dataHi - 1));

  let lo = dataLo;
  let hi = dataHi;
  // A single instant has no width to spread over; ten minutes keeps the scale and ticks meaningful.
  if (hi - lo < 10 * MINUTE) {
    const mid = (lo + hi) / 2;
    lo = mid - 5 * MINUTE;
    hi = mid + 5 * MINUTE;
  }
  const span = hi - lo;
  lo -= span * 0.04;
  // An open end needs room for its arrow.
  hi += span * (rows.some((r) => r.bar.ongoing) ? 0.1 : 0.04);

  const rowLabels = [...rows.map((r) => r.bar.label), ...(events.length > 0 ? [input.eventsLabel] : [])].map(oneLine);
  const labelColumn = clamp(Math.max(0, ...rowLabels.map((l) => textWidth(l, FONT_SIZE))), 40, 170);
  const plotLeft = EDGE + labelColumn + 12;
  const plotRight = WIDTH - 14;
  const x = (t: number) => plotLeft + ((t - lo) / (hi - lo)) * (plotRight - plotLeft);

  const clock = cachedDateFormat(input.intl, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: input.timezone });
  const dayName = cachedDateFormat(input.intl, { weekday: 'short', day: 'numeric', month: 'short', timeZone: input.timezone });
  const dayMonth = cachedDateFormat(input.intl, { day: 'numeric', month: 'short', timeZone: input.timezone });

  /** A moment in a label: the clock, with the date when the picture spans days; the date alone for a day. */
  const when = (t: number, dateOnly?: boolean) =>
    dateOnly ? dayMonth.format(t) : multiDay ? `${dayMonth.format(t)} ${clock.format(t)}` : clock.format(t);

  // Decision labels sit above the bars, each beside its own line, in as many rows as they need.
  const decisionMarks = layoutDecisions(
    decisions.map((d) => {
      const day = zone.dayOf(d.at);
      const [x0, x1] = d.dateOnly ? [x(Math.max(day.start, lo)), x(Math.min(day.end, hi))] : [x(d.at), x(d.at)];
      return { x0, x1, band: d.dateOnly === true, text: oneLine(`${d.label} ${when(d.at, d.dateOnly)}`) };
    }),
  );
  const decisionRows = decisionMarks.length > 0 ? Math.max(...decisionMarks.map((d) => d.row)) + 1 : 0;
  const headerTop = 4;
  const rowTop = (row: number) => headerTop + (decisionRows - 1 - row) * DECISION_ROW;

  const parts: string[] = [];
  const obstacles: Box[] = [];
  const rowsTop = decisionRows > 0 ? headerTop + decisionRows * DECISION_ROW + 4 : 8;
  let y = rowsTop;
  const planned = rows.find((r) => r.kind === 'planned')?.bar;

  for (const { kind, bar } of rows) {
    const barY = y + 7;
    const barH = 12;
    let rowHeight = 26;
    parts.push(rowLabel(bar.label, labelColumn, barY + barH / 2));
    const x0 = x(bar.start);
    const w = Math.max(1.5, x(bar.end) - x0);
    const fill = kind === 'planned' ? COLOUR.planned : kind === 'outage' ? COLOUR.outage : COLOUR.actual;
    const style = kind === 'planned' ? `fill="${fill}" fill-opacity="0.25" stroke="${fill}" stroke-width="1"` : `fill="${fill}"`;
    parts.push(`<rect class="tl-${kind}" x="${num(x0)}" y="${num(barY)}" width="${num(w)}" height="${barH}" rx="2" ${style}/>`);
    // Labels under the bar: the overrun and the open end; a second one goes a line lower when they would touch.
    const under: { left: number; right: number; line: number }[] = [];
    const placeUnder = (text: string, at: { x: number; anchor: string; left: number; right: number }, cls: string, colour: string) => {
      let line = 0;
      while (under.some((u) => u.line === line && at.left < u.right + 6 && at.right > u.left - 6)) line++;
      under.push({ left: at.left, right: at.right, line });
      const ty = barY + barH + 11 + line * 13;
      parts.push(
        `<text class="${cls}" x="${num(at.x)}" y="${num(ty)}" text-anchor="${at.anchor}" font-size="${SMALL_SIZE}" fill="${colour}">${esc(text)}</text>`,
      );
      obstacles.push({ left: at.left, right: at.right, top: ty - 9, bottom: ty + 3 });
      rowHeight = Math.max(rowHeight, 26 + (line + 1) * 13);
    };
    if (kind === 'actual' && planned && bar.end > planned.end) {
      const ox0 = x(Math.max(planned.end, bar.start));
      const ox1 = x(bar.end);
      parts.push(
        `<rect class="tl-overrun" x="${num(ox0)}" y="${num(barY)}" width="${num(ox1 - ox0)}" height="${barH}" fill="${COLOUR.overrun}"/>`,
      );
      // White hatching keeps the overrun distinguishable on a black-and-white print.
      parts.push(hatch(ox0, barY, ox1, barY + barH));
      const label = input.overrunLabel ? oneLine(input.overrunLabel) : '';
      if (label) {
        const text = fit(label, SMALL_SIZE, WIDTH - EDGE - plotLeft);
        placeUnder(
          text,
          anchored((ox0 + ox1) / 2, textWidth(text, SMALL_SIZE), plotLeft, WIDTH - EDGE),
          'tl-overrun-label',
          COLOUR.overrun,
        );
      }
    }
    if (bar.ongoing) {
      // Open to the right: a dashed tail and an arrow say the bar does not end where the log stops.
      const from = x0 + w;
      const tip = Math.min(from + 26, plotRight + 6);
      const cy = barY + barH / 2;
      parts.push(
        `<g class="tl-ongoing" stroke="${fill}" fill="${fill}"><line x1="${num(from)}" y1="${num(cy)}" x2="${num(tip - 5)}" y2="${num(cy)}" stroke-width="3" stroke-dasharray="3 2"/><polygon points="${num(tip - 6)},${num(barY)} ${num(tip)},${num(cy)} ${num(tip - 6)},${num(barY + barH)}" stroke="none"/></g>`,
      );
      const label = input.ongoingLabel ? oneLine(input.ongoingLabel) : '';
      if (label) {
        const text = fit(label, SMALL_SIZE, WIDTH - EDGE - plotLeft);
        const width = textWidth(text, SMALL_SIZE);
        const at =
          tip - width >= plotLeft
            ? { x: tip, anchor: 'end', left: tip - width, right: tip }
            : { x: plotLeft, anchor: 'start', left: plotLeft, right: plotLeft + width };
        placeUnder(text, at, 'tl-ongoing-label', fill);
      }
    }
    for (const m of bar.marks) {
      const mx = x(m.dateOnly ? dayMiddle(m.at) : m.at);
      parts.push(
        `<line class="tl-phase" x1="${num(mx)}" y1="${num(barY - 2)}" x2="${num(mx)}" y2="${num(barY + barH + 2)}" stroke="${COLOUR.text}" stroke-width="1.5"/>`,
      );
      const text = fit(oneLine(`${m.label} ${when(m.at, m.dateOnly)}`), SMALL_SIZE, WIDTH - EDGE - plotLeft);
      placeUnder(text, anchored(mx, textWidth(text, SMALL_SIZE), plotLeft, WIDTH - EDGE), 'tl-phase-label', COLOUR.muted);
    }
    y += rowHeight;
  }

  if (events.length > 0) {
    const placed = layoutEvents(
      events.map((e) => ({ ...e, x: e.dateOnly ? x(dayMiddle(e.at)) : x(e.at) })),
      plotLeft,
      plotRight,
    );
    y += drawEvents(placed, input.eventsLabel, labelColumn, y, plotLeft, plotRight, (t) => zone.dayOf(t), x, lo, hi, parts, obstacles);
  }

  const axisY = y + 4;
  parts.push(
    `<line class="tl-axis" x1="${num(plotLeft)}" y1="${num(axisY)}" x2="${num(plotRight)}" y2="${num(axisY)}" stroke="${COLOUR.axis}" stroke-width="1"/>`,
  );
  const { step, ticks } = chooseTicks(zone, lo, hi);
  const dayStep = step.unit === 'day' || step.unit === 'week';
  // Over more than a day, the date under a midnight tick says all that "00:00" would.
  const hideMidnightClock = dataHi - dataLo > DAY;
  const gridParts: string[] = [];
  let lastClockRight = -Infinity;
  /** Date labels to place, the more important first when two would touch. */
  const dayLabels: { x: number; t: number; priority: number; anchor?: 'start' }[] = [];
  ticks.forEach((t, i) => {
    const tx = x(t);
    for (const [a, b] of openings(tx, rowsTop, axisY, obstacles, 0.5)) {
      gridParts.push(`<line x1="${num(tx)}" y1="${num(a)}" x2="${num(tx)}" y2="${num(b)}" stroke="${COLOUR.grid}" stroke-width="0.75"/>`);
    }
    parts.push(
      `<line x1="${num(tx)}" y1="${num(axisY)}" x2="${num(tx)}" y2="${num(axisY + 4)}" stroke="${COLOUR.axis}" stroke-width="1"/>`,
    );
    if (dayStep) return;
    const midnight = mod(zone.wall(t), DAY) === 0;
    if (!(midnight && hideMidnightClock)) {
      const label = clock.format(t);
      const at = anchored(tx, textWidth(label, FONT_SIZE), EDGE, WIDTH - EDGE);
      // A label that would touch its neighbour is dropped rather than printed on top of it.
      if (at.left >= lastClockRight + 4) {
        parts.push(
          `<text class="tl-tick" x="${num(at.x)}" y="${num(axisY + 16)}" text-anchor="${at.anchor}" fill="${COLOUR.muted}">${esc(label)}</text>`,
        );
        lastClockRight = at.right;
      }
    }
    // Midnight day labels say where the date changes, so they win over the first tick's when they collide.
    if (midnight || i === 0) dayLabels.push({ x: tx, t, priority: midnight ? 2 : 1 });
  });
  if (dayStep && step.unit === 'day' && step.n === 1) {
    // Ticks a day apart: each date stands under its own day, between the midnights.
    for (let d = zone.dayOf(lo); d.start < hi; d = zone.dayOf(d.end)) {
      const a = Math.max(d.start, lo);
      const b = Math.min(d.end, hi);
      if (b > a) dayLabels.push({ x: x((a + b) / 2), t: a, priority: a === d.start && b === d.end ? 2 : 1 });
      if (d.end <= d.start) break;
    }
  } else if (dayStep) {
    // Ticks days or weeks apart carry their dates; the first date of the picture is at its left edge when there is room.
    for (const t of ticks) dayLabels.push({ x: x(t), t, priority: 2 });
    dayLabels.push({ x: x(dataLo), t: dataLo, priority: 0, anchor: 'start' });
  }
  const dayY = dayStep ? axisY + 16 : axisY + 29;
  const placedDays: { left: number; right: number }[] = [];
  for (const c of [...dayLabels].sort((a, b) => b.priority - a.priority || a.x - b.x)) {
    const label = oneLine(dayName.format(c.t));
    const width = textWidth(label, FONT_SIZE, true);
    const at = c.anchor === 'start' ? { x: c.x, anchor: 'start', left: c.x, right: c.x + width } : anchored(c.x, width, EDGE, WIDTH - EDGE);
    if (placedDays.some((p) => at.left < p.right + 4 && at.right > p.left - 4)) continue;
    placedDays.push(at);
    parts.push(
      `<text class="tl-day" x="${num(at.x)}" y="${num(dayY)}" text-anchor="${at.anchor}" fill="${COLOUR.text}" font-weight="600">${esc(label)}</text>`,
    );
  }

  // Decisions: a day is a band behind everything; a moment is a dashed line that stops short of every marker and label.
  for (const d of decisionMarks) {
    const top = rowTop(d.row);
    if (d.band) {
      gridParts.push(
        `<rect class="tl-decision-day" x="${num(d.x0)}" y="${num(top)}" width="${num(Math.max(1.5, d.x1 - d.x0))}" height="${num(axisY - top)}" fill="${COLOUR.decision}" fill-opacity="0.12"/>`,
      );
    } else {
      for (const [a, b] of openings(d.x0, top, axisY, obstacles, 0.75)) {
        parts.push(
          `<line class="tl-decision" x1="${num(d.x0)}" y1="${num(a)}" x2="${num(d.x0)}" y2="${num(b)}" stroke="${COLOUR.decision}" stroke-width="1.5" stroke-dasharray="4 3"/>`,
        );
      }
    }
    parts.push(
      `<text class="tl-decision-label" x="${num(d.anchor === 'end' ? d.right : d.left)}" y="${num(top + 10.5)}" text-anchor="${d.anchor}" fill="${COLOUR.decision}" font-weight="600">${esc(d.text)}</text>`,
    );
  }

  const height = Math.ceil(dayStep ? axisY + 22 : axisY + 35);
  const title = oneLine(input.title);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="warta-timeline" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${esc(title)}" font-family="'Source Sans 3', 'Noto Sans', sans-serif" font-size="${FONT_SIZE}">`,
    `<title>${esc(title)}</title>`,
    `<g class="tl-grid">${gridParts.join('')}</g>`,
    ...parts,
    '</svg>',
  ].join('\n');
}

interface DecisionMark {
  /** The line (x0 = x1) or the day band (x0 < x1). */
  x0: number;
  x1: number;
  band: boolean;
  text: string;
  /** Row of the label, 0 right above the bars. */
  row: number;
  left: number;
  right: number;
  anchor: 'start' | 'end';
}

/**
 * Puts each decision label beside its line like a flag, in the lowest row where it touches no other
 * label and no other decision's line runs through it (a line runs from its own row down to the axis).
 */
function layoutDecisions(marks: { x0: number; x1: number; band: boolean; text: string }[]): DecisionMark[] {
  // Flags to the right stack best from the right, flags to the left from the left: both are tried.
  const tries = [
    placeDecisions([...marks].sort((a, b) => Number(a.band) - Number(b.band) || b.x0 - a.x0)),
    placeDecisions([...marks].sort((a, b) => Number(a.band) - Number(b.band) || a.x0 - b.x0)),
  ];
  const rows = (t: { placed: DecisionMark[] }) => Math.max(0, ...t.placed.map((p) => p.row + 1));
  return tries.sort((a, b) => Number(a.failed) - Number(b.failed) || rows(a) - rows(b))[0]!.placed;
}

/** Places the labels in the order given, each in the lowest row that works; `failed` when one found none. */
function placeDecisions(marks: { x0: number; x1: number; band: boolean; text: string }[]): { placed: DecisionMark[]; failed: boolean } {
  const placed: DecisionMark[] = [];
  let failed = false;
  // A day's band lies behind everything, so only a line can run through a label; lines are placed first.
  const stemHits = (p: { x0: number; x1: number; band: boolean }, left: number, right: number) =>
    !p.band && p.x0 - 2 < right && p.x1 + 2 > left;
  for (const m of marks) {
    const roomRight = WIDTH - EDGE - (m.x1 + 4);
    const roomLeft = m.x0 - 4 - EDGE;
    const text = fit(m.text, FONT_SIZE * 1.06, Math.max(roomRight, roomLeft, m.band ? m.x1 - m.x0 - 6 : 0));
    const w = textWidth(text, FONT_SIZE, true);
    const sides: { left: number; anchor: 'start' | 'end' }[] = [];
    if (m.band) sides.push({ left: m.x0 + 3, anchor: 'start' });
    sides.push({ left: m.x1 + 4, anchor: 'start' }, { left: m.x0 - 4 - w, anchor: 'end' });
    const fits = sides.filter((s) => s.left >= EDGE - 0.01 && s.left + w <= WIDTH - EDGE + 0.01);
    const options = fits.length > 0 ? fits : [roomRight >= roomLeft ? sides[sides.length - 2]! : sides[sides.length - 1]!];
    let chosen: DecisionMark | undefined;
    for (let row = 0; row < MAX_DECISION_ROWS && !chosen; row++) {
      for (const s of options) {
        const left = s.left;
        const right = s.left + w;
        const clash = placed.some(
          (p) =>
            (p.row === row && left < p.right + 6 && right > p.left - 6) ||
            (p.row >= row && stemHits(p, left, right)) ||
            (p.row <= row && stemHits(m, p.left, p.right)),
        );
        if (!clash) {
          chosen = { ...m, text, row, left, right, anchor: s.anchor };
          break;
        }
      }
    }
    if (!chosen) failed = true;
    const s = options[0]!;
    // Only with several decisions within a label's width of each other: a row of its own keeps the label readable.
    placed.push(
      chosen ?? {
        ...m,
        text,
        row: Math.max(MAX_DECISION_ROWS - 1, ...placed.map((p) => p.row)) + 1,
        left: s.left,
        right: s.left + w,
        anchor: s.anchor,
      },
    );
  }
  return { placed, failed };
}

interface EventPoint {
  at: number;
  x: number;
  number: number;
  dateOnly: boolean;
  decision: boolean;
}

interface Marker {
  /** The events it stands for, in order on the line. */
  events: EventPoint[];
  label: string;
  single: boolean;
  /** True when it stands for the decision's own row. */
  decision: boolean;
  /** Where its events lie on the line; its line ends halfway between them. */
  x0: number;
  x1: number;
  /** Width of the marker. */
  w: number;
  /** Where it is drawn: its line runs down at `lx`, at most {@link NUDGE} beside the middle of its events. */
  lx: number;
  left: number;
  right: number;
  lane: number;
}

/** Merging the decision's own event into a range costs as much as a range this much wider. */
const DECISION_MERGE_COST = 20;

/** How far a marker may sit beside its events so that its line passes a marker below. */
const NUDGE = 4.5;

const middle = (m: Pick<Marker, 'x0' | 'x1'>) => (m.x0 + m.x1) / 2;

/**
 * Gives every event a marker: alone in the lowest lane where it touches nothing and its line to the
 * axis crosses no lower marker; when that needs more than {@link MAX_EVENT_LANES} lanes, the marker
 * that found no place becomes one range marker with its nearer neighbour, until everything fits. The
 * decision's own event is the last to be merged into a range.
 */
function layoutEvents(events: EventPoint[], plotLeft: number, plotRight: number): Marker[] {
  const sorted = [...events].sort((a, b) => a.x - b.x || a.number - b.number);
  const make = (group: EventPoint[]): Marker => {
    const numbers = group.map((e) => e.number).sort((a, b) => a - b);
    const label = ranges(numbers);
    const x0 = group[0]!.x;
    const x1 = group[group.length - 1]!.x;
    const single = group.length === 1;
    const textW = textWidth(label, NUMBER_SIZE, true);
    const w = single ? Math.max(MARK, textW + 6) : Math.max(MARK, textW + 10, x1 - x0 + MARK);
    const marker = { events: group, label, single, decision: group.some((e) => e.decision), x0, x1, w, lx: 0, left: 0, right: 0, lane: 0 };
    return at(marker, middle(marker), plotLeft);
  };
  /**
   * What merging markers i and i + 1 costs: the width of the range, more when it would hide the
   * decision's own event (but not so much that a range grows away from it), then the events in it.
   */
  const cost = (markers: Marker[], i: number) => {
    const a = markers[i]!;
    const b = markers[i + 1]!;
    return b.x1 - a.x0 + (a.decision || b.decision ? DECISION_MERGE_COST : 0) + (a.events.length + b.events.length) * 1e-6;
  };
  const merge = (markers: Marker[], i: number) => [
    ...markers.slice(0, i),
    make([...markers[i]!.events, ...markers[i + 1]!.events]),
    ...markers.slice(i + 2),
  ];
  let markers = sorted.map((e) => make([e]));
  // More markers than the lanes can hold side by side: the closest pairs are merged before any is placed.
  const capacity = MAX_EVENT_LANES * Math.floor((plotRight - plotLeft) / (MARK + GAP));
  while (markers.length > capacity) {
    // In passes: the cheapest pairs that share no marker, as many as there are markers too many.
    const excess = markers.length - capacity;
    const costs = markers.slice(1).map((_, i) => cost(markers, i));
    const order = costs.map((_, i) => i).sort((a, b) => costs[a]! - costs[b]! || a - b);
    const chosen = new Set<number>();
    for (const i of order) {
      if (chosen.size >= excess) break;
      if (!chosen.has(i - 1) && !chosen.has(i + 1)) chosen.add(i);
    }
    const next: Marker[] = [];
    for (let i = 0; i < markers.length; i++) {
      if (chosen.has(i)) next.push(make([...markers[i]!.events, ...markers[++i]!.events]));
      else next.push(markers[i]!);
    }
    markers = next;
  }
  for (;;) {
    const failed = placeInLanes(markers, plotLeft);
    if (failed < 0) return markers;
    const options = [failed - 1, failed].filter((i) => i >= 0 && i + 1 < markers.length);
    const best = options.reduce((a, b) => (cost(markers, b) < cost(markers, a) ? b : a));
    markers = merge(markers, best);
  }
}

/** The marker drawn with its line at `lx`, kept inside the picture. */
function at(m: Marker, lx: number, plotLeft: number): Marker {
  const left = clamp(lx - m.w / 2, plotLeft - 8, WIDTH - EDGE - m.w);
  return { ...m, lx, left, right: left + m.w };
}

/** Stacked markers of one moment share the line of the lowest. */
const sameMoment = (a: Marker, b: Marker) => a.single && b.single && Math.abs(middle(a) - middle(b)) < 0.5;

/** Places every marker in a lane (and nudges it a little where that lets its line pass); returns the index of the first that fits nowhere, or -1. */
function placeInLanes(markers: Marker[], plotLeft: number): number {
  const lanes: Marker[][] = Array.from({ length: MAX_EVENT_LANES }, () => []);
  const crosses = (lx: number, m: Marker) => m.left - 1.5 < lx && lx < m.right + 1.5;
  // Markers come in order along the line, so only the last few of each lane can be in the way.
  let widest = 0;
  const near = (lane: number, x: number, reach: number) => {
    const found: Marker[] = [];
    const list = lanes[lane]!;
    for (let k = list.length - 1; k >= 0 && list[k]!.lx + widest + NUDGE + 4 >= x - reach; k--) found.push(list[k]!);
    return found;
  };
  for (let i = 0; i < markers.length; i++) {
    const m = markers[i]!;
    const x = middle(m);
    widest = Math.max(widest, m.w);
    let placed: Marker | undefined;
    for (let lane = 0; lane < MAX_EVENT_LANES && !placed; lane++) {
      const below = lanes.slice(0, lane).flatMap((_, l) => near(l, x, m.w));
      const above = lanes.slice(lane + 1).flatMap((_, l) => near(lane + 1 + l, x, m.w));
      // Where its line could run: on its events, or just beside a marker below that is in the way.
      const candidates = [x, ...below.flatMap((p) => [p.left - 1.6, p.right + 1.6])]
        .filter((c) => Math.abs(c - x) <= NUDGE)
        .sort((a, b) => Math.abs(a - x) - Math.abs(b - x));
      for (const lx of candidates) {
        const c = at(m, lx, plotLeft);
        if (near(lane, x, m.w).some((p) => c.left < p.right + GAP && c.right > p.left - GAP)) continue;
        // Its line down to the axis passes every lower lane; the lines of markers above pass this one.
        if (below.some((p) => crosses(c.lx, p) && !sameMoment(c, p))) continue;
        if (above.some((p) => crosses(p.lx, c) && !sameMoment(c, p))) continue;
        placed = { ...c, lane };
        break;
      }
    }
    if (!placed) return i;
    markers[i] = placed;
    lanes[placed.lane]!.push(placed);
  }
  return -1;
}

/** Draws the events row into `parts`, adds its markers and lines to `obstacles`, and returns its height. */
function drawEvents(
  markers: Marker[],
  label: string,
  labelColumn: number,
  top: number,
  plotLeft: number,
  plotRight: number,
  dayOf: (t: number) => { start: number; end: number },
  x: (t: number) => number,
  lo: number,
  hi: number,
  parts: string[],
  obstacles: Box[],
): number {
  const lanes = Math.max(1, ...markers.map((m) => m.lane + 1));
  const baseline = top + 4 + lanes * (MARK + GAP) + 6;
  const height = baseline - top + 8;
  parts.push(rowLabel(label, labelColumn, baseline - 4));
  parts.push(`<g class="tl-events">`);
  parts.push(
    `<line x1="${num(plotLeft)}" y1="${num(baseline)}" x2="${num(plotRight)}" y2="${num(baseline)}" stroke="${COLOUR.axis}" stroke-width="1"/>`,
  );
  const all = markers.flatMap((m) => m.events);
  // A day without a time is marked on the line as the whole day, with a little gap between neighbouring days.
  const dayKeys = new Set<number>();
  for (const e of all.filter((e) => e.dateOnly)) {
    const d = dayOf(e.at);
    if (dayKeys.has(d.start)) continue;
    dayKeys.add(d.start);
    const a = x(Math.max(d.start, lo)) + 1;
    const b = x(Math.min(d.end, hi)) - 1;
    if (b > a) {
      parts.push(
        `<rect class="tl-event-day" x="${num(a)}" y="${num(baseline - 2)}" width="${num(b - a)}" height="4" rx="1" fill="${COLOUR.marker}" fill-opacity="0.3"/>`,
      );
    }
  }
  for (const e of all) {
    parts.push(
      `<line class="tl-event-tick" x1="${num(e.x)}" y1="${num(baseline - 4)}" x2="${num(e.x)}" y2="${num(baseline + 4)}" stroke="${COLOUR.marker}" stroke-width="1.25"/>`,
    );
    obstacles.push({ left: e.x - 1, right: e.x + 1, top: baseline - 4, bottom: baseline + 4 });
  }
  for (const m of markers) {
    const cy = baseline - 6 - MARK / 2 - m.lane * (MARK + GAP);
    const box = { left: m.left, right: m.right, top: cy - MARK / 2, bottom: cy + MARK / 2 };
    obstacles.push(box);
    const below = markers.some((p) => p.lane < m.lane && sameMoment(m, p));
    if (!below) {
      // Straight down, with a short slant to its events where the marker was nudged aside.
      const x = middle(m);
      const bend = Math.abs(m.lx - x) > 0.01 ? ` ${num(m.lx)},${num(baseline - 6)}` : '';
      parts.push(
        `<polyline class="tl-event-line" points="${num(m.lx)},${num(box.bottom)}${bend} ${num(x)},${num(baseline - 4)}" fill="none" stroke="${COLOUR.marker}" stroke-width="0.75"/>`,
      );
      obstacles.push({ left: Math.min(m.lx, x) - 1, right: Math.max(m.lx, x) + 1, top: box.bottom, bottom: baseline });
    }
    const fill = m.single && m.decision ? COLOUR.decision : COLOUR.marker;
    if (m.single && m.right - m.left <= MARK + 0.01) {
      parts.push(`<circle class="tl-event" cx="${num(m.lx)}" cy="${num(cy)}" r="${MARK / 2}" fill="${fill}"/>`);
    } else {
      const cls = m.single ? 'tl-event' : 'tl-event-range';
      parts.push(
        `<rect class="${cls}" x="${num(m.left)}" y="${num(box.top)}" width="${num(m.right - m.left)}" height="${MARK}" rx="${MARK / 2}" fill="${fill}"/>`,
      );
      if (!m.single && m.x1 > m.x0) {
        // The range's own extent on the line, so the reader sees how far its events spread.
        parts.push(
          `<rect class="tl-event-spread" x="${num(m.x0)}" y="${num(baseline - 1.5)}" width="${num(m.x1 - m.x0)}" height="3" fill="${COLOUR.marker}"/>`,
        );
      }
    }
    parts.push(
      `<text class="tl-event-number" x="${num((m.left + m.right) / 2)}" y="${num(cy + 3.2)}" text-anchor="middle" font-size="${NUMBER_SIZE}" font-weight="700" fill="#ffffff">${esc(m.label)}</text>`,
    );
  }
  parts.push('</g>');
  return height;
}

/** Numbers as runs: [4,5,6,7] → "4–7", [3,7] → "3, 7", [1,2,4] → "1–2, 4". */
function ranges(numbers: number[]): string {
  const runs: string[] = [];
  for (let i = 0; i < numbers.length;) {
    let j = i;
    while (j + 1 < numbers.length && numbers[j + 1] === numbers[j]! + 1) j++;
    runs.push(j === i ? String(numbers[i]) : `${numbers[i]}–${numbers[j]}`);
    i = j + 1;
  }
  return runs.join(', ');
}

/** The parts of a vertical line from y1 to y2 at x that pass no obstacle. */
function openings(x: number, y1: number, y2: number, obstacles: Box[], halfWidth: number): [number, number][] {
  const blocked = obstacles
    .filter((o) => o.left - halfWidth < x && x < o.right + halfWidth && o.bottom > y1 && o.top < y2)
    .map((o) => [o.top - 1.5, o.bottom + 1.5] as const)
    .sort((a, b) => a[0] - b[0]);
  const open: [number, number][] = [];
  let from = y1;
  for (const [a, b] of blocked) {
    if (a > from) open.push([from, a]);
    from = Math.max(from, b);
  }
  if (y2 > from) open.push([from, y2]);
  return open.filter(([a, b]) => b - a >= 1);
}

function rowLabel(label: string, labelColumn: number, centerY: number): string {
  const full = oneLine(label);
  const text = fit(full, FONT_SIZE, labelColumn);
  // The shortened label keeps the full one as a tooltip.
  const tip = text === full ? '' : `<title>${esc(full)}</title>`;
  return `<text class="tl-row-label" x="${EDGE}" y="${num(centerY + 4)}" fill="${COLOUR.text}">${tip}${esc(text)}</text>`;
}

/** Diagonal white lines inside a rectangle, computed by hand because patterns would need `url(#…)`. */
function hatch(x0: number, y0: number, x1: number, y1: number): string {
  const lines: string[] = [];
  for (let k = x0 + y0 + 4; k < x1 + y1; k += 6) {
    const a = Math.max(x0, k - y1);
    const b = Math.min(x1, k - y0);
    if (b - a > 0.5) lines.push(`<line x1="${num(a)}" y1="${num(k - a)}" x2="${num(b)}" y2="${num(k - b)}"/>`);
  }
  return lines.length ? `<g class="tl-hatch" stroke="#ffffff" stroke-width="1" stroke-opacity="0.55">${lines.join('')}</g>` : '';
}

interface Step {
  unit: 'minute' | 'hour' | 'day' | 'week';
  n: number;
  ms: number;
}

/** Every step divides an hour, a day or a week, so stepping in wall-clock time stays aligned across days. */
const STEPS: Step[] = [
  ...[1, 2, 5, 10, 15, 30].map((n) => ({ unit: 'minute' as const, n, ms: n * MINUTE })),
  ...[1, 2, 3, 6, 12].map((n) => ({ unit: 'hour' as const, n, ms: n * HOUR })),
  ...[1, 2, 3].map((n) => ({ unit: 'day' as const, n, ms: n * DAY })),
  ...[1, 2].map((n) => ({ unit: 'week' as const, n, ms: n * WEEK })),
];

/** Clock labels fit ten to a line, date labels eight. */
const maxTicks = (step: Step) => (step.unit === 'minute' || step.unit === 'hour' ? 10 : 8);

/**
 * The finest step whose ticks are few enough for their labels. Each step is at most 2.5 times the
 * one before, so there are at least four; where weeks starting on Monday leave only three, ticks
 * every few days take their place.
 */
function chooseTicks(zone: Zone, lo: number, hi: number): { step: Step; ticks: number[] } {
  const span = hi - lo;
  const last = Math.ceil(span / WEEK / 7);
  for (const step of [...STEPS, { unit: 'week' as const, n: last, ms: last * WEEK }]) {
    if (Math.floor(span / step.ms) + 1 > maxTicks(step)) continue;
    const ticks = makeTicks(zone, lo, hi, step);
    if (ticks.length >= 4 || step.unit !== 'week') return { step, ticks };
    const n = Math.max(1, Math.floor(span / DAY / 4));
    const days: Step = { unit: 'day', n, ms: n * DAY };
    return { step: days, ticks: makeTicks(zone, lo, hi, days) };
  }
  const step = { unit: 'week' as const, n: last + 1, ms: (last + 1) * WEEK };
  return { step, ticks: makeTicks(zone, lo, hi, step) };
}

function makeTicks(zone: Zone, lo: number, hi: number, step: Step): number[] {
  const start = new Date(zone.wall(lo));
  const [yy, mm, dd, hh, mi] = [
    start.getUTCFullYear(),
    start.getUTCMonth(),
    start.getUTCDate(),
    start.getUTCHours(),
    start.getUTCMinutes(),
  ];
  let wall: number;
  const stride = step.ms;
  if (step.unit === 'minute') {
    wall = Date.UTC(yy, mm, dd, hh, Math.floor(mi / step.n) * step.n);
  } else if (step.unit === 'hour') {
    wall = Date.UTC(yy, mm, dd, Math.floor(hh / step.n) * step.n);
  } else if (step.unit === 'day') {
    wall = Math.floor(Date.UTC(yy, mm, dd) / DAY / step.n) * step.n * DAY;
  } else {
    // Weeks start on Monday; 5 January 1970 was one.
    const days = Date.UTC(yy, mm, dd) / DAY;
    wall = (days - mod(days - 4, 7 * step.n)) * DAY;
  }
  const lastWall = zone.wall(hi) + stride;
  const ticks: number[] = [];
  const byDay = step.unit === 'day' || step.unit === 'week';
  for (; wall <= lastWall; wall += stride) {
    const t = zone.instant(wall);
    // A wall time inside a DST gap does not exist; a day tick keeps whatever the day starts with.
    if (!byDay && zone.wall(t) !== wall) continue;
    if (t < lo || t > hi) continue;
    if (ticks.length > 0 && t <= ticks[ticks.length - 1]!) continue;
    ticks.push(t);
  }
  return ticks;
}

/** Wall-clock arithmetic in one IANA zone, with a wall time written as if it were a UTC instant. */
class Zone {
  constructor(private readonly timeZone: string) {}

  wall(t: number): number {
    return wallClockAt(this.timeZone, t);
  }

  instant(wall: number): number {
    const first = this.wall(wall) - wall;
    const t = wall - first;
    const second = this.wall(t) - t;
    if (second === first) return t;
    const retry = wall - second;
    return this.wall(retry) - retry === second ? retry : t;
  }

  /** The calendar day around an instant, as the instants it starts and ends. */
  dayOf(t: number): { start: number; end: number } {
    const day = Math.floor(this.wall(t) / DAY) * DAY;
    return { start: this.instant(day), end: this.instant(day + DAY) };
  }

  /** The calendar day as a number, to tell days apart. */
  dayKey(t: number): number {
    return Math.floor(this.wall(t) / DAY);
  }
}

/** Positions a label around `x` but inside [min, max], switching anchors at the edges. */
function anchored(
  x: number,
  width: number,
  min: number,
  max: number,
): { x: number; anchor: 'start' | 'middle' | 'end'; left: number; right: number } {
  if (x + width / 2 > max) return { x: max, anchor: 'end', left: max - width, right: max };
  if (x - width / 2 < min) return { x: min, anchor: 'start', left: min, right: min + width };
  return { x, anchor: 'middle', left: x - width / 2, right: x + width / 2 };
}

/** An estimate slightly above Source Sans 3 and Noto Sans widths: fonts cannot be measured here, and a little too much room beats overlap. */
export function textWidth(text: string, size: number, bold = false): number {
  let em = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code >= 0x2e80) em += 1;
    else if (/[mwMW@%]/.test(ch)) em += 0.85;
    else if (/[\s.,:;'!|ilIjtfr()[\]-]/.test(ch)) em += 0.32;
    else if (/[A-Z]/.test(ch)) em += 0.65;
    else if (/[0-9]/.test(ch)) em += 0.57;
    else em += 0.54;
  }
  return em * size * (bold ? 1.06 : 1);
}

function fit(text: string, size: number, width: number): string {
  if (textWidth(text, size) <= width) return text;
  const chars = [...text];
  while (chars.length > 0 && textWidth(chars.join('') + '…', size) > width) chars.pop();
  return chars.join('').trimEnd() + '…';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

const esc = escapeXml;

function num(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}
