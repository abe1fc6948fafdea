import { escapeXml } from '../../html/escape-xml.js';

/** Data of a stacked bar chart: one bar per category, one coloured part per series. */
export interface StackedBarChartData {
  /** Unique on the page: prefixes the ids that tie the SVG to its title and text alternative. */
  id: string;
  /** Names the chart for screen readers (the SVG's `<title>`). */
  title: string;
  /** Bar labels along the x axis, e.g. months ("Jan"); every bar gets its label. */
  categories: string[];
  /** Shorter labels used when `categories` do not fit side by side, e.g. "J" for January. */
  narrowCategories?: string[];
  /** Longer bar names for tooltips and the text alternative, e.g. "March 2024"; default: the labels. */
  categoryNames?: string[];
  /** A second line of labels below the first, each under `count` consecutive bars (e.g. years under months), with a tick between them. */
  groups?: { label: string; count: number }[];
  /** Stacked bottom to top; `values` has one number per category. */
  series: { label: string; color: string; values: number[] }[];
}

// Drawn at about the size it is shown (a third of a desktop page, a phone's width), so its text stays readable.
const width = 360;
const plotH = 132;
const left = 28;
/** Right margin; wider when the last group's label is wider than its bars (one month of a new year). */
const minRight = 6;
/** Rough width of a character of the 11px axis text, a little generous so labels never touch. */
const axisChar = 6.2;
const labelWidth = (label: string) => [...label].length * axisChar;
/** Height of a line of axis text, the least room a label turned upright needs across. */
const lineH = 13;

/** "Nice" upper bound for an axis: 1, 2, 5 × a power of ten, at least `value`. */
function niceMax(value: number): number {
  if (value <= 4) return Math.max(1, value);
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/**
 * How the bar labels are set: side by side when the widest fits its slot, else the narrow ones
 * side by side, else turned upright; only when even upright labels would overlap is just every
 * `every`-th bar labelled (callers that choose their own buckets, like the archive, never get there).
 */
function labelLayout(data: StackedBarChartData, slot: number) {
  const fits = (labels: readonly string[]) => Math.max(0, ...labels.map(labelWidth)) + 3 <= slot;
  if (fits(data.categories)) return { labels: data.categories, upright: false, every: 1 };
  const narrow = data.narrowCategories;
  if (narrow?.length === data.categories.length && fits(narrow)) return { labels: narrow, upright: false, every: 1 };
  return { labels: data.categories, upright: true, every: Math.max(1, Math.ceil(lineH / slot)) };
}

/**
 * A small stacked bar chart as inline SVG, drawn at build time: legend on top, bars with a tooltip
 * per part, a light grid, a label under every bar (and group labels such as years below them), and
 * a text alternative listing every value so the numbers are never only in the picture. No script,
 * no external resource.
 */
export function stackedBarChartSvg(data: StackedBarChartData): string {
  const n = data.categories.length;
  const names = data.categoryNames ?? data.categories;
  const totals = data.categories.map((_, i) => data.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const max = niceMax(Math.max(0, ...totals));
  // Legend: a swatch and a label per series, wrapped onto as many lines as needed; the plot starts below it.
  const legend: string[] = [];
  let lx = left;
  let ly = 8;
  for (const s of data.series) {
    const w = 17 + [...s.label].length * 6.2 + 12;
    if (lx + w > width && lx > left) {
      lx = left;
      ly += 16;
    }
    legend.push(`<rect x="${lx}" y="${ly}" width="11" height="11" rx="2" fill="${s.color}"/>`);
    legend.push(`<text x="${lx + 16}" y="${ly + 10}" class="legend">${escapeXml(s.label)}</text>`);
    lx += w;
  }
  const top = ly + 24;
  const groups = data.groups?.filter((g) => g.count > 0) ?? [];
  // A last group too narrow for its label has the label start at its tick and run into a wider right margin.
  const lastGroup = groups.length > 1 ? groups[groups.length - 1] : undefined;
  let right = minRight;
  for (let pass = 0; pass < 3 && lastGroup; pass++) {
    const span = (lastGroup.count * (width - left - right)) / Math.max(1, n);
    right = Math.max(minRight, labelWidth(lastGroup.label) + 4 - span);
  }
  const plotW = width - left - right;
  const slot = plotW / Math.max(1, n);
  const barW = Math.max(2, Math.min(28, slot * 0.7));
  const layout = labelLayout(data, slot);
  // Room under the plot: a line of bar labels (or the longest upright one), then the group line.
  const labelsH = layout.upright ? Math.max(0, ...layout.labels.map(labelWidth)) + 8 : 18;
  const bottom = labelsH + (groups.length > 0 ? 16 : 0) + 8;
  const base = top + plotH;
  const height = Math.ceil(base + bottom);
  const y = (value: number) => base - (value / max) * plotH;
  const out: string[] = [];
  const desc = data.categories
    .map((_, i) => {
      const parts = data.series.filter((s) => (s.values[i] ?? 0) > 0).map((s) => `${s.label} ${s.values[i]}`);
      return `${names[i]}: ${totals[i]}${parts.length ? ` (${parts.join(', ')})` : ''}`;
    })
    .join('; ');
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${data.id}-t ${data.id}-d" class="chart chart-stacked">`,
    `<title id="${data.id}-t">${escapeXml(data.title)}</title><desc id="${data.id}-d">${escapeXml(desc)}</desc>`,
  );
  out.push(...legend);
  // Grid lines and their values: zero, half and the top.
  for (const value of [0, max / 2, max]) {
    if (value !== Math.round(value)) continue;
    const gy = y(value).toFixed(1);
    out.push(`<line x1="${left}" x2="${width - right}" y1="${gy}" y2="${gy}" class="grid"/>`);
    out.push(`<text x="${left - 6}" y="${(y(value) + 4).toFixed(1)}" text-anchor="end" class="axis">${escapeXml(String(value))}</text>`);
  }
  data.categories.forEach((_, i) => {
    const cx = left + slot * i + slot / 2;
    let stacked = 0;
    for (const s of data.series) {
      const value = s.values[i] ?? 0;
      if (value <= 0) continue;
      const y1 = y(stacked + value);
      const h = y(stacked) - y1;
      out.push(
        `<rect x="${(cx - barW / 2).toFixed(1)}" y="${y1.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${s.color}"><title>${escapeXml(`${names[i]} · ${s.label}: ${value}`)}</title></rect>`,
      );
      stacked += value;
    }
    if (i % layout.every !== 0) return;
    const label = escapeXml(layout.labels[i] ?? '');
    if (layout.upright) {
      const ty = base + 6;
      out.push(
        `<text x="${cx.toFixed(1)}" y="${ty}" dy="0.35em" transform="rotate(-90 ${cx.toFixed(1)} ${ty})" text-anchor="end" class="axis category">${label}</text>`,
      );
    } else {
      out.push(`<text x="${cx.toFixed(1)}" y="${base + 14}" text-anchor="middle" class="axis category">${label}</text>`);
    }
  });
  // Group labels centred under their bars, a tick between groups; a label wider than its group
  // stays on its own side of the tick: the first one ends at it, the last one starts at it.
  let start = 0;
  groups.forEach((group, g) => {
    const x0 = left + slot * start;
    const x1 = left + slot * (start + group.count);
    if (g > 0)
      out.push(`<line x1="${x0.toFixed(1)}" x2="${x0.toFixed(1)}" y1="${base}" y2="${(base + bottom - 4).toFixed(1)}" class="tick"/>`);
    const w = labelWidth(group.label);
    const narrow = groups.length > 1 && w + 6 > x1 - x0;
    let gx = Math.min(width - w / 2 - 1, Math.max(w / 2 + 1, (x0 + x1) / 2));
    let anchor = 'middle';
    if (narrow && g === 0) [gx, anchor] = [x1 - 3, 'end'];
    else if (narrow && g === groups.length - 1) [gx, anchor] = [x0 + 3, 'start'];
    out.push(
      `<text x="${gx.toFixed(1)}" y="${(base + labelsH + 12).toFixed(1)}" text-anchor="${anchor}" class="axis group">${escapeXml(group.label)}</text>`,
    );
    start += group.count;
  });
  out.push(`<line x1="${left}" x2="${width - right}" y1="${base}" y2="${base}" class="baseline"/>`);
  out.push('</svg>');
  return out.join('');
}
