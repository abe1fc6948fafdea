import { escapeXml } from '../../html/escape-xml.js';

/** Data of a horizontal bar chart: one labelled bar per item, longest scale first. */
export interface HorizontalBarChartData {
  /** Unique on the page: prefixes the ids that tie the SVG to its title and text alternative. */
  id: string;
  /** Names the chart for screen readers (the SVG's `<title>`). */
  title: string;
  bars: { label: string; value: number; color?: string }[];
}

// Drawn at about the size it is shown (a third of a desktop page, a phone's width), so its text stays readable.
const width = 360;
const labelW = 140;
const row = 22;

/**
 * A small horizontal bar chart as inline SVG, drawn at build time: a label, a bar and its value per
 * row; long labels are cut with an ellipsis (the full text is in the tooltip and the text alternative).
 */
export function horizontalBarChartSvg(data: HorizontalBarChartData): string {
  const max = Math.max(1, ...data.bars.map((b) => b.value));
  const plotW = width - labelW - 30;
  const height = data.bars.length * row + 8;
  const desc = data.bars.map((b) => `${b.label}: ${b.value}`).join('; ');
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="${data.id}-t ${data.id}-d" class="chart chart-bars">`,
    `<title id="${data.id}-t">${escapeXml(data.title)}</title><desc id="${data.id}-d">${escapeXml(desc)}</desc>`,
  ];
  data.bars.forEach((bar, i) => {
    const y = 4 + i * row;
    const chars = [...bar.label];
    const shown = chars.length > 22 ? `${chars.slice(0, 21).join('')}…` : bar.label;
    const w = Math.max(2, (bar.value / max) * plotW);
    out.push(
      `<g><title>${escapeXml(`${bar.label}: ${bar.value}`)}</title>`,
      `<text x="${labelW - 8}" y="${y + 14}" text-anchor="end" class="label">${escapeXml(shown)}</text>`,
      `<rect x="${labelW}" y="${y + 3}" width="${w.toFixed(1)}" height="${row - 8}" rx="2" fill="${bar.color ?? '#1f4e79'}"/>`,
      `<text x="${(labelW + w + 6).toFixed(1)}" y="${y + 14}" class="value">${bar.value}</text></g>`,
    );
  });
  out.push('</svg>');
  return out.join('');
}
