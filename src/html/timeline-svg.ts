import { escapeXml } from './escape-xml.js';
import { cachedDateFormat } from '../locale/cached-date-format.js';
/**
 * The timeline picture of an incident or change as a self-contained, static SVG string.
 *
 * It is drawn at render time from plain numbers and already translated labels, so the printed
 * document needs no script, font or image from anywhere: the SVG has no JavaScript, no links, no
 * `url(...)` references (hatching is drawn as plain lines, not as a pattern) and no foreignObject.
 */

/** Plain data for {@link timelineSvg}: every time is epoch milliseconds, every label already translated. */
export interface TimelineSvgInput {
  /** BCP 47 locale used for the clock and day labels, e.g. 'id-ID' or 'en-GB'. */
  intl: string;
  /** IANA time zone the clock and day labels are shown in, e.g. 'Asia/Jakarta'. */
  timezone: string;
  /** Accessible name of the picture (its <title> and aria-label). */
  title: string;
  /** The planned window of a change. */
  planned?: { start: number; end: number; label: string };
  /** What actually happened; the part after `planned.end` is marked as overrun. */
  actual?: { start: number; end: number; label: string };
  /** Detected → resolved, for incidents. */
  outage?: { start: number; end: number; label: string };
  /** Small label under the overrun part, e.g. 'Overrun 7 hours'; shown only when there is an overrun. */
  overrunLabel?: string;
  /** The decision point, drawn as a vertical line across all rows; the label carries its own time. */
  decision?: { at: number; label: string };
  /** Events in the order of the document's timeline table; marker i is the i-th entry (1-based). */
  events: { at: number }[];
  /** Label of the events row, e.g. 'Events' / 'Kejadian'. */
  eventsLabel: string;
}

type Bar = NonNullable<TimelineSvgInput['planned']>;

const WIDTH = 720;
/** No text may come closer than this to the left or right edge of the viewBox. */
const EDGE = 6;
const FONT_SIZE = 11;
const SMALL_SIZE = 10;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MAX_TICKS = 10;
const MAX_NUMBERED_EVENTS = 20;
/** Close events are stacked; beyond this many lanes a marker keeps its tick but loses its number. */
const MAX_EVENT_LANES = 3;

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

/**
 * Draws the timeline picture as one static SVG element (viewBox 720 wide, width 100%), or returns ''
 * when there is nothing to draw: no bar and fewer than two events.
 */
export function timelineSvg(input: TimelineSvgInput): string {
  const rows: { kind: 'planned' | 'actual' | 'outage'; bar: Bar }[] = [];
  for (const kind of ['planned', 'actual', 'outage'] as const) {
    const bar = input[kind];
    if (bar && Number.isFinite(bar.start) && Number.isFinite(bar.end) && bar.end >= bar.start) rows.push({ kind, bar });
  }
  // Numbers follow the caller's order even when an unusable entry is skipped, so they keep matching the table.
  const events = input.events.map((e, i) => ({ at: e.at, number: i + 1 })).filter((e) => Number.isFinite(e.at));
  if (rows.length === 0 && events.length < 2) return '';

  const decision = input.decision && Number.isFinite(input.decision.at) ? input.decision : undefined;
  const zone = new Zone(input.timezone);
  const clock = cachedDateFormat(input.intl, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: input.timezone });
  const dayName = cachedDateFormat(input.intl, { weekday: 'short', day: 'numeric', month: 'short', timeZone: input.timezone });

  const times = [...rows.flatMap((r) => [r.bar.start, r.bar.end]), ...events.map((e) => e.at), ...(decision ? [decision.at] : [])];
  let lo = Math.min(...times);
  let hi = Math.max(...times);
  // A single instant has no width to spread over; ten minutes keeps the scale and ticks meaningful.
  if (hi - lo < 10 * MINUTE) {
    const mid = (lo + hi) / 2;
    lo = mid - 5 * MINUTE;
    hi = mid + 5 * MINUTE;
  }
  const pad = (hi - lo) * 0.04;
  lo -= pad;
  hi += pad;

  const rowLabels = [...rows.map((r) => r.bar.label), ...(events.length > 0 ? [input.eventsLabel] : [])].map(oneLine);
  const labelColumn = clamp(Math.max(0, ...rowLabels.map((l) => textWidth(l, FONT_SIZE))), 40, 170);
  const plotLeft = EDGE + labelColumn + 12;
  const plotRight = WIDTH - 14;
  const x = (t: number) => plotLeft + ((t - lo) / (hi - lo)) * (plotRight - plotLeft);

  const parts: string[] = [];
  const gridParts: string[] = [];

  const headerHeight = decision ? 24 : 8;
  let y = headerHeight;
  const rowsTop = y;
  const planned = rows.find((r) => r.kind === 'planned')?.bar;

  for (const { kind, bar } of rows) {
    const barY = y + 7;
    const barH = 12;
    let rowHeight = 26;
    parts.push(rowLabel(bar.label, labelColumn, barY + barH / 2));
    const x0 = x(bar.start);
    const w = Math.max(1.5, x(bar.end) - x0);
    if (kind === 'planned') {
      parts.push(
        `<rect class="tl-planned" x="${num(x0)}" y="${num(barY)}" width="${num(w)}" height="${barH}" rx="2" fill="${COLOUR.planned}" fill-opacity="0.25" stroke="${COLOUR.planned}" stroke-width="1"/>`,
      );
    } else if (kind === 'outage') {
      parts.push(
        `<rect class="tl-outage" x="${num(x0)}" y="${num(barY)}" width="${num(w)}" height="${barH}" rx="2" fill="${COLOUR.outage}"/>`,
      );
    } else {
      parts.push(
        `<rect class="tl-actual" x="${num(x0)}" y="${num(barY)}" width="${num(w)}" height="${barH}" rx="2" fill="${COLOUR.actual}"/>`,
      );
      if (planned && bar.end > planned.end) {
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
          const at = anchored((ox0 + ox1) / 2, textWidth(text, SMALL_SIZE), plotLeft, WIDTH - EDGE);
          parts.push(
            `<text class="tl-overrun-label" x="${num(at.x)}" y="${num(barY + barH + 11)}" text-anchor="${at.anchor}" font-size="${SMALL_SIZE}" fill="${COLOUR.overrun}">${esc(text)}</text>`,
          );
          rowHeight += 13;
        }
      }
    }
    y += rowHeight;
  }

  if (events.length > 0) {
    y += eventsRow(events, input.eventsLabel, labelColumn, y, x, plotLeft, plotRight, parts);
  }

  const axisY = y + 4;
  parts.push(
    `<line class="tl-axis" x1="${num(plotLeft)}" y1="${num(axisY)}" x2="${num(plotRight)}" y2="${num(axisY)}" stroke="${COLOUR.axis}" stroke-width="1"/>`,
  );
  const ticks = makeTicks(zone, lo, hi, chooseStep(hi - lo));
  let lastClockRight = -Infinity;
  const dayCandidates: { t: number; midnight: boolean }[] = [];
  ticks.forEach((t, i) => {
    const tx = x(t);
    gridParts.push(
      `<line x1="${num(tx)}" y1="${num(rowsTop)}" x2="${num(tx)}" y2="${num(axisY)}" stroke="${COLOUR.grid}" stroke-width="0.75"/>`,
    );
    parts.push(
      `<line x1="${num(tx)}" y1="${num(axisY)}" x2="${num(tx)}" y2="${num(axisY + 4)}" stroke="${COLOUR.axis}" stroke-width="1"/>`,
    );
    const label = clock.format(t);
    const at = anchored(tx, textWidth(label, FONT_SIZE), EDGE, WIDTH - EDGE);
    // A label that would touch its neighbour is dropped rather than printed on top of it.
    if (at.left >= lastClockRight + 4) {
      parts.push(
        `<text class="tl-tick" x="${num(at.x)}" y="${num(axisY + 16)}" text-anchor="${at.anchor}" fill="${COLOUR.muted}">${esc(label)}</text>`,
      );
      lastClockRight = at.right;
    }
    const midnight = mod(zone.wall(t), DAY) === 0;
    if (midnight || i === 0) dayCandidates.push({ t, midnight });
  });
  // Midnight day labels say where the date changes, so they win over the first tick's when they collide.
  const placedDays: { left: number; right: number }[] = [];
  for (const c of [...dayCandidates].sort((a, b) => Number(b.midnight) - Number(a.midnight))) {
    const label = oneLine(dayName.format(c.t));
    const at = anchored(x(c.t), textWidth(label, FONT_SIZE, true), EDGE, WIDTH - EDGE);
    if (placedDays.some((p) => at.left < p.right + 4 && at.right > p.left - 4)) continue;
    placedDays.push(at);
    parts.push(
      `<text class="tl-day" x="${num(at.x)}" y="${num(axisY + 29)}" text-anchor="${at.anchor}" fill="${COLOUR.text}" font-weight="600">${esc(label)}</text>`,
    );
  }

  // Drawn last so the line stays visible on top of every bar and marker it crosses.
  if (decision) {
    const dx = x(decision.at);
    parts.push(
      `<line class="tl-decision" x1="${num(dx)}" y1="${num(rowsTop - 6)}" x2="${num(dx)}" y2="${num(axisY)}" stroke="${COLOUR.decision}" stroke-width="1.5" stroke-dasharray="4 3"/>`,
    );
    const label = fit(oneLine(decision.label), FONT_SIZE * 1.06, WIDTH - 2 * EDGE);
    if (label) {
      const at = anchored(dx, textWidth(label, FONT_SIZE, true), EDGE, WIDTH - EDGE);
      parts.push(
        `<text class="tl-decision-label" x="${num(at.x)}" y="14" text-anchor="${at.anchor}" fill="${COLOUR.decision}" font-weight="600">${esc(label)}</text>`,
      );
    }
  }

  const height = Math.ceil(axisY + 35);
  const title = oneLine(input.title);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="warta-timeline" viewBox="0 0 ${WIDTH} ${height}" width="100%" role="img" aria-label="${esc(title)}" font-family="'Source Sans 3', 'Noto Sans', sans-serif" font-size="${FONT_SIZE}">`,
    `<title>${esc(title)}</title>`,
    `<g class="tl-grid">${gridParts.join('')}</g>`,
    ...parts,
    '</svg>',
  ].join('\n');
}

/** Draws the events row into `parts` and returns its height. */
function eventsRow(
  events: { at: number; number: number }[],
  label: string,
  labelColumn: number,
  top: number,
  x: (t: number) => number,
  plotLeft: number,
  plotRight: number,
  parts: string[],
): number {
  // With many events only an even spread keeps a number, so the picture stays readable; every event keeps its tick.
  const numbered = new Set<number>();
  if (events.length <= MAX_NUMBERED_EVENTS) events.forEach((_, i) => numbered.add(i));
  else for (let k = 0; k < MAX_NUMBERED_EVENTS; k++) numbered.add(Math.round((k * (events.length - 1)) / (MAX_NUMBERED_EVENTS - 1)));

  const r = events.some((e, i) => numbered.has(i) && e.number >= 100) ? 9 : 7;
  const laneRight: number[] = [];
  const placed: { x: number; lane: number; number: number }[] = [];
  const order = [...numbered].sort((a, b) => events[a]!.at - events[b]!.at || a - b);
  for (const i of order) {
    const e = events[i]!;
    const ex = x(e.at);
    let lane = laneRight.findIndex((right) => ex - r > right + 1);
    if (lane === -1 && laneRight.length < MAX_EVENT_LANES) lane = laneRight.length;
    if (lane === -1) continue;
    laneRight[lane] = ex + r;
    placed.push({ x: ex, lane, number: e.number });
  }

  const lanes = Math.max(1, laneRight.length);
  const baseline = top + 4 + lanes * (2 * r + 2) + 6;
  const height = baseline - top + 8;
  parts.push(rowLabel(label, labelColumn, baseline - 4));
  parts.push(`<g class="tl-events">`);
  parts.push(
    `<line x1="${num(plotLeft)}" y1="${num(baseline)}" x2="${num(plotRight)}" y2="${num(baseline)}" stroke="${COLOUR.axis}" stroke-width="1"/>`,
  );
  for (const e of events) {
    const ex = num(x(e.at));
    parts.push(
      `<line class="tl-event-tick" x1="${ex}" y1="${num(baseline - 4)}" x2="${ex}" y2="${num(baseline + 4)}" stroke="${COLOUR.marker}" stroke-width="1.25"/>`,
    );
  }
  for (const p of placed) {
    const cy = baseline - 6 - r - p.lane * (2 * r + 2);
    parts.push(
      `<line x1="${num(p.x)}" y1="${num(cy + r)}" x2="${num(p.x)}" y2="${num(baseline - 4)}" stroke="${COLOUR.marker}" stroke-width="0.75"/>`,
    );
    parts.push(`<circle class="tl-event" cx="${num(p.x)}" cy="${num(cy)}" r="${r}" fill="${COLOUR.marker}"/>`);
    parts.push(
      `<text class="tl-event-number" x="${num(p.x)}" y="${num(cy + 3.2)}" text-anchor="middle" font-size="9" font-weight="700" fill="#ffffff">${p.number}</text>`,
    );
  }
  parts.push('</g>');
  return height;
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
  unit: 'minute' | 'hour' | 'day';
  n: number;
  ms: number;
}

/** Every step divides an hour or a day, so stepping in wall-clock time stays aligned across days. */
const STEPS: Step[] = [
  ...[1, 2, 5, 10, 15, 30].map((n) => ({ unit: 'minute' as const, n, ms: n * MINUTE })),
  ...[1, 2, 3, 6, 12].map((n) => ({ unit: 'hour' as const, n, ms: n * HOUR })),
  ...[1, 2, 3, 6, 12].map((n) => ({ unit: 'day' as const, n, ms: n * DAY })),
];

/** The finest step that gives at most ten ticks; each step is at most 2.5 times the one before, so there are at least four. */
function chooseStep(span: number): Step {
  const step = STEPS.find((s) => Math.floor(span / s.ms) + 1 <= MAX_TICKS);
  if (step) return step;
  const n = Math.ceil(span / DAY / (MAX_TICKS - 1));
  return { unit: 'day', n, ms: n * DAY };
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
  let stride: number;
  if (step.unit === 'minute') {
    wall = Date.UTC(yy, mm, dd, hh, Math.floor(mi / step.n) * step.n);
    stride = step.ms;
  } else if (step.unit === 'hour') {
    wall = Date.UTC(yy, mm, dd, Math.floor(hh / step.n) * step.n);
    stride = step.ms;
  } else {
    wall = Math.floor(Date.UTC(yy, mm, dd) / DAY / step.n) * step.n * DAY;
    stride = step.n * DAY;
  }
  const lastWall = zone.wall(hi) + stride;
  const ticks: number[] = [];
  for (; wall <= lastWall; wall += stride) {
    const t = zone.instant(wall);
    // A wall time inside a DST gap does not exist; a day tick keeps whatever the day starts with.
    if (step.unit !== 'day' && zone.wall(t) !== wall) continue;
    if (t < lo || t > hi) continue;
    if (ticks.length > 0 && t <= ticks[ticks.length - 1]!) continue;
    ticks.push(t);
  }
  return ticks;
}

/** Wall-clock arithmetic in one IANA zone, with a wall time written as if it were a UTC instant. */
class Zone {
  private readonly parts: Intl.DateTimeFormat;

  constructor(timeZone: string) {
    this.parts = cachedDateFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  }

  wall(t: number): number {
    const p: Record<string, number> = {};
    for (const part of this.parts.formatToParts(t)) if (part.type !== 'literal') p[part.type] = Number(part.value);
    return Date.UTC(p.year ?? 1970, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0) + mod(t, 1000);
  }

  instant(wall: number): number {
    const first = this.wall(wall) - wall;
    const t = wall - first;
    const second = this.wall(t) - t;
    if (second === first) return t;
    const retry = wall - second;
    return this.wall(retry) - retry === second ? retry : t;
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
function textWidth(text: string, size: number, bold = false): number {
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
