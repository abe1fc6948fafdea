import { changeStatuses, severities } from '../../log/front-matter-schema.js';
import type { ArchiveEntry } from '../archive-entries.js';
import type { ArchiveText } from '../archive-text.js';
import { horizontalBarChartSvg } from './horizontal-bar-chart.js';
import { stackedBarChartSvg } from './stacked-bar-chart.js';

/** A chart ready for a page: its caption and its SVG. */
export interface ArchiveChart {
  id: string;
  title: string;
  svg: string;
}

/** Severity colours, worst first, in the red → amber → blue of the documents; "no severity" is grey. */
const severityColors: Record<string, string> = { sev1: '#a4262c', sev2: '#d9622b', sev3: '#e0a526', sev4: '#6f8fb3', none: '#b8c2cc' };
/** The status colours of the documents' badges. */
const statusColors: Record<string, string> = {
  completed: '#1e7a46',
  'in-progress': '#1f5f9e',
  scheduled: '#6f8fb3',
  postponed: '#c98a0b',
  'rolled-back': '#d9622b',
  cancelled: '#a4262c',
};

/** Months `YYYY-MM` from the first to the last, none skipped, so quiet months show as gaps. */
function monthRange(first: string, last: string): string[] {
  const out: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

/**
 * The archive's charts, each left out when it would be empty: incidents per month by severity
 * (by quarter or year when the archive spans too long for readable monthly bars), outcomes of
 * changes and maintenance by status, and the systems named by most logs.
 */
export function buildArchiveCharts(entries: readonly ArchiveEntry[], text: ArchiveText): ArchiveChart[] {
  const charts: ArchiveChart[] = [];
  const intl = text.locale.intl;

  const incidents = entries.filter((e) => e.log.type === 'incident' && e.month !== '');
  if (incidents.length > 0) {
    const months = incidents.map((e) => e.month).sort();
    const all = monthRange(months[0] as string, months[months.length - 1] as string);
    const unit = all.length <= 36 ? 'month' : all.length <= 120 ? 'quarter' : 'year';
    const bucketOf = (month: string) => {
      const [y, m] = month.split('-').map(Number) as [number, number];
      return unit === 'month' ? month : unit === 'quarter' ? `${y}-Q${Math.ceil(m / 3)}` : String(y);
    };
    const buckets = [...new Set(all.map(bucketOf))];
    const index = new Map(buckets.map((b, i) => [b, i]));
    const keys = [...severities, 'none'];
    const values = Object.fromEntries(keys.map((k) => [k, buckets.map(() => 0)])) as Record<string, number[]>;
    for (const entry of incidents) {
      const i = index.get(bucketOf(entry.month)) as number;
      (values[entry.log.severity ?? 'none'] as number[])[i]! += 1;
    }
    const short = new Intl.DateTimeFormat(intl, { month: 'short', year: '2-digit', timeZone: 'UTC' });
    const long = new Intl.DateTimeFormat(intl, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    const labelOf = (bucket: string, format: Intl.DateTimeFormat) =>
      unit === 'month' ? format.format(new Date(`${bucket}-15T00:00:00Z`)) : bucket.replace(/^(\d{4})-(Q\d)$/, '$2 $1');
    const title = text.t(`chart.perMonth.${unit}`);
    charts.push({
      id: 'chart-severity',
      title,
      svg: stackedBarChartSvg({
        id: 'chart-severity',
        title,
        categories: buckets.map((b) => labelOf(b, short)),
        categoryNames: buckets.map((b) => labelOf(b, long)),
        series: keys
          .filter((k) => (values[k] as number[]).some((v) => v > 0))
          .map((k) => ({
            label: k === 'none' ? text.t('chart.noSeverity') : text.t(`chart.${k}`),
            color: severityColors[k] as string,
            values: values[k] as number[],
          })),
      }),
    });
  }

  const planned = entries.filter((e) => e.log.type !== 'incident');
  if (planned.length > 0) {
    const title = text.t('chart.outcomes');
    const bars = changeStatuses
      .map((status) => ({
        label: text.t(`status.${status}`),
        value: planned.filter((e) => e.log.status === status).length,
        color: statusColors[status],
      }))
      .filter((bar) => bar.value > 0);
    charts.push({ id: 'chart-outcomes', title, svg: horizontalBarChartSvg({ id: 'chart-outcomes', title, bars }) });
  }

  const systems = new Map<string, { name: string; value: number }>();
  for (const entry of entries) {
    for (const system of new Map(entry.systems.map((s) => [s.key, s])).values()) {
      const found = systems.get(system.key) ?? { name: system.name, value: 0 };
      found.value++;
      systems.set(system.key, found);
    }
  }
  if (systems.size > 0) {
    const title = text.t('chart.systems');
    const bars = [...systems.values()]
      .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name))
      .slice(0, 8)
      .map((s) => ({ label: s.name, value: s.value }));
    charts.push({ id: 'chart-systems', title, svg: horizontalBarChartSvg({ id: 'chart-systems', title, bars }) });
  }
  return charts;
}
