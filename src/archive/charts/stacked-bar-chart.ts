import { escapeXml } from '../../html/escape-xml.js';

/** Data of a stacked bar chart: one bar per category, one coloured part per series. */
export interface StackedBarChartData {
  /** Unique on the page: prefixes the ids that tie the SVG to its title and text alternative. */
  id: string;
  /** Names the chart for screen readers (the SVG's `<title>`). */
  title: string;
  /** Bar labels along the x axis, e.g. months. */
  categories: string[];
  /** Longer bar names for tooltips and the text alternative, e.g. "March 2024"; default: the labels. */
  categoryNames?: string[];
  /** Stacked bottom to top; `values` has one number per category. */
  series: { label: string; color: string; values: number[] }[];
}

// Drawn at about the size it is shown (a third of a desktop page, a phone's width), so its text stays readable.
const width = 360;
const height = 190;
const left = 28;
const right = 6;
const bottom = 26;

/** "Nice" upper bound for an axis: 1, 2, 5 × a power of ten, at least `value`. */
function niceMax(value: number): number {
  if (value <= 4) return Math.max(1, value);
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/**
 * A small stacked bar chart as inline SVG, drawn at build time: legend on top, bars with a tooltip
 * per part, a light grid, and a text alternative listing every value so the numbers are never
 * only in the picture. No script, no external resource.
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
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const slot = plotW / Math.max(1, n);
  const barW = Math.max(2, Math.min(28, slot * 0.7));
  const y = (value: number) => top + plotH - (value / max) * plotH;
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
    out.push(`<text x="${left - 6}" y="${(y(value) + 4).toFixed(1)}" text-anchor="end" class="axis">${value}</text>`);
  }
  // A label on every k-th bar so they never overlap.
  const every = Math.max(1, Math.ceil(n / 6));
  data.categories.forEach((label, i) => {
    const cx = left + slot * i + slot / 2;
    let base = 0;
    for (const s of data.series) {
      const value = s.values[i] ?? 0;
      if (value <= 0) continue;
      const y1 = y(base + value);
      const h = y(base) - y1;
      out.push(
        `<rect x="${(cx - barW / 2).toFixed(1)}" y="${y1.toFixed(1)}" width="${barW.toFixed(1)}" height="${h.toFixed(1)}" fill="${s.color}"><title>${escapeXml(`${names[i]} · ${s.label}: ${value}`)}</title></rect>`,
      );
      base += value;
    }
    if (i % every === 0) {
      out.push(`<text x="${cx.toFixed(1)}" y="${height - bottom + 16}" text-anchor="middle" class="axis">${escapeXml(label)}</text>`);
    }
  });
  out.push(`<line x1="${left}" x2="${width - right}" y1="${y(0)}" y2="${y(0)}" class="baseline"/>`);
  out.push('</svg>');
  return out.join('');
}
