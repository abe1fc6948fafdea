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
/** Changes and maintenance in the time chart, in hues no severity uses. */
const typeColors: Record<string, string> = { change: '#3f8f8a', maintenance: '#8a78b8' };
/** The status colours of the documents' badges. */
const statusColors: Record<string, string> = {
  completed: '#1e7a46',
  'in-progress': '#1f5f9e',
  scheduled: '#6f8fb3',
  postponed: '#c98a0b',
  'rolled-back': '#d9622b',
  cancelled: '#a4262c',
};
const types = ['incident', 'change', 'maintenance'] as const;

/** At most this many bars in the time chart: each keeps room for its own label, upright if need be. */
const maxBars = 27;
/** Year steps of the time chart's buckets when an archive spans more than {@link maxBars} years. */
const yearSteps = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 10000];

/** A bucket of the time chart: its key, its label under the bar, a narrow label, its full name, and the year it belongs to (for the second line). */
interface Bucket {
  key: string;
  label: string;
  narrow: string;
  name: string;
  year?: string;
}

/**
 * The buckets from the first month to the last, none skipped so quiet periods show as gaps, each
 * with a label: months while they are at most two years (names with the year below), quarters
 * up to five years (Q1–Q4 with the year below), then years, or spans of 2, 5, 10… years, so that
 * there are never more bars than {@link maxBars} and every bar has its label.
 */
function timeBuckets(first: string, last: string, intl: string) {
  const [fy, fm] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  const monthCount = (ly - fy) * 12 + lm - fm + 1;
  const at = (y: number, m: number) => new Date(Date.UTC(y, m - 1, 15));
  const format = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(intl, { ...options, timeZone: 'UTC' });
  const buckets: Bucket[] = [];
  if (monthCount <= 24) {
    const [short, narrow, long] = [format({ month: 'short' }), format({ month: 'narrow' }), format({ month: 'long', year: 'numeric' })];
    for (let i = 0; i < monthCount; i++) {
      const y = fy + Math.floor((fm - 1 + i) / 12);
      const m = ((fm - 1 + i) % 12) + 1;
      const key = `${y}-${String(m).padStart(2, '0')}`;
      buckets.push({ key, label: short.format(at(y, m)), narrow: narrow.format(at(y, m)), name: long.format(at(y, m)), year: String(y) });
    }
    return { unit: 'month', step: 1, buckets, bucketOf: (month: string) => month };
  }
  const quarterOf = (month: string) => `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
  if (monthCount <= 60) {
    for (let q = fy * 4 + Math.floor((fm - 1) / 3); q <= ly * 4 + Math.floor((lm - 1) / 3); q++) {
      const y = Math.floor(q / 4);
      const label = `Q${(q % 4) + 1}`;
      buckets.push({ key: `${y}-${label}`, label, narrow: label, name: `${label} ${y}`, year: String(y) });
    }
    return { unit: 'quarter', step: 1, buckets, bucketOf: quarterOf };
  }
  const step = yearSteps.find((k) => Math.floor(ly / k) - Math.floor(fy / k) + 1 <= maxBars) ?? 10000;
  for (let y = Math.floor(fy / step) * step; y <= ly; y += step) {
    const name = step === 1 ? String(y) : `${y}–${y + step - 1}`;
    buckets.push({ key: String(y), label: String(y), narrow: String(y), name });
  }
  return {
    unit: step === 1 ? 'year' : 'years',
    step,
    buckets,
    bucketOf: (month: string) => String(Math.floor(Number(month.slice(0, 4)) / step) * step),
  };
}

/**
 * Every log over time (incidents by severity, changes and maintenance by type), by month, quarter
 * or year depending on how long the archive spans. Dates are in each log's own timezone, as
 * everywhere in the archive.
 */
function timeChart(entries: readonly ArchiveEntry[], text: ArchiveText): ArchiveChart | undefined {
  const dated = entries.filter((e) => e.month !== '');
  if (dated.length === 0) return undefined;
  const months = dated.map((e) => e.month).sort();
  const { unit, step, buckets, bucketOf } = timeBuckets(months[0] as string, months[months.length - 1] as string, text.locale.intl);
  const index = new Map(buckets.map((b, i) => [b.key, i]));
  const keys = [...severities, 'none', 'change', 'maintenance'];
  const values = Object.fromEntries(keys.map((k) => [k, buckets.map(() => 0)])) as Record<string, number[]>;
  for (const entry of dated) {
    const key = entry.log.type === 'incident' ? (entry.log.severity ?? 'none') : entry.log.type;
    const i = index.get(bucketOf(entry.month)) as number;
    (values[key] as number[])[i]! += 1;
  }
  const onlyIncidents = dated.every((e) => e.log.type === 'incident');
  const title = text.t(`${onlyIncidents ? 'chart.perMonth' : 'chart.logsPer'}.${unit}`, { count: step });
  const groups: { label: string; count: number }[] = [];
  for (const bucket of buckets) {
    if (bucket.year === undefined) continue;
    const lastGroup = groups[groups.length - 1];
    if (lastGroup?.label === bucket.year) lastGroup.count++;
    else groups.push({ label: bucket.year, count: 1 });
  }
  const label = (key: string) =>
    key === 'none'
      ? text.t('chart.noSeverity')
      : key === 'change' || key === 'maintenance'
        ? text.t(`type.${key}`)
        : text.t(`chart.${key}`);
  return {
    id: 'chart-severity',
    title,
    svg: stackedBarChartSvg({
      id: 'chart-severity',
      title,
      categories: buckets.map((b) => b.label),
      narrowCategories: buckets.map((b) => b.narrow),
      categoryNames: buckets.map((b) => b.name),
      groups,
      series: keys
        .filter((k) => (values[k] as number[]).some((v) => v > 0))
        .map((k) => ({ label: label(k), color: (severityColors[k] ?? typeColors[k]) as string, values: values[k] as number[] })),
    }),
  };
}

/** How many logs name each thing (counted once per log), under the spelling used most, most named first. */
function countPerLog(entries: readonly ArchiveEntry[], namesOf: (entry: ArchiveEntry) => { key: string; name: string }[]) {
  const counts = new Map<string, { value: number; spellings: Map<string, number> }>();
  for (const entry of entries) {
    for (const [key, name] of new Map(namesOf(entry).map((n) => [n.key, n.name]))) {
      const found = counts.get(key) ?? { value: 0, spellings: new Map<string, number>() };
      found.value++;
      found.spellings.set(name, (found.spellings.get(name) ?? 0) + 1);
      counts.set(key, found);
    }
  }
  return [...counts.values()]
    .map(({ value, spellings }) => ({ name: [...spellings].sort((a, b) => b[1] - a[1])[0]?.[0] as string, value }))
    .sort((a, b) => b.value - a.value || a.name.localeCompare(b.name));
}

/**
 * The chart that says where incidents cluster: the systems named by more than one log; when no
 * system repeats, the tags used by more than one log; when no tag repeats either, the logs per
 * type if there is more than one. Left out when all it could show is a row of ones.
 */
function breakdownChart(entries: readonly ArchiveEntry[], text: ArchiveText): ArchiveChart | undefined {
  const chart = (id: string, title: string, bars: { label: string; value: number }[]): ArchiveChart => ({
    id,
    title,
    svg: horizontalBarChartSvg({ id, title, bars }),
  });
  const systems = countPerLog(entries, (e) => e.systems).filter((s) => s.value > 1);
  if (systems.length > 0) {
    return chart(
      'chart-systems',
      text.t('chart.systems'),
      systems.slice(0, 8).map((s) => ({ label: s.name, value: s.value })),
    );
  }
  const tags = countPerLog(entries, (e) => e.log.tags.map((tag) => ({ key: tag.toLowerCase(), name: tag }))).filter((t) => t.value > 1);
  if (tags.length > 0) {
    return chart(
      'chart-tags',
      text.t('chart.tags'),
      tags.slice(0, 8).map((t) => ({ label: `#${t.name}`, value: t.value })),
    );
  }
  const perType = types
    .map((type) => ({ label: text.t(`type.${type}`), value: entries.filter((e) => e.log.type === type).length }))
    .filter((bar) => bar.value > 0);
  return perType.length > 1 ? chart('chart-types', text.t('chart.types'), perType) : undefined;
}

/**
 * The archive's charts, each left out when it would be empty or say nothing: every log over time
 * (see {@link timeChart}), outcomes of changes and maintenance by status, and where incidents
 * cluster (see {@link breakdownChart}).
 */
export function buildArchiveCharts(entries: readonly ArchiveEntry[], text: ArchiveText): ArchiveChart[] {
  const charts: ArchiveChart[] = [];
  const time = timeChart(entries, text);
  if (time) charts.push(time);

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

  const breakdown = breakdownChart(entries, text);
  if (breakdown) charts.push(breakdown);
  return charts;
}
