import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildArchiveEntries } from '../../src/archive/archive-entries.js';
import { loadArchiveText } from '../../src/archive/archive-text.js';
import { buildArchiveCharts, type ArchiveChart } from '../../src/archive/charts/archive-charts.js';
import type { IncidentLog } from '../../src/log/types.js';
import { readLog } from '../../src/log/read-log.js';
import { createViewStore } from '../../src/model/create-view-store.js';
import { loadText, locales, logText } from '../helpers.js';

interface LogSpec {
  /** `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM`, in `timezone`. */
  date: string;
  type?: 'incident' | 'change' | 'maintenance';
  severity?: string;
  timezone?: string;
  systems?: string[];
  tags?: string[];
}

let serial = 0;
/** A small valid log: an incident detected at `date`, or a change or maintenance whose window starts then. */
function makeLog(spec: LogSpec): IncidentLog {
  const type = spec.type ?? 'incident';
  const id = `${spec.date.slice(0, 10)}-chart-${serial++}`;
  const lines = [
    `title: Log ${id}`,
    `type: ${type}`,
    `status: ${type === 'incident' ? 'resolved' : 'completed'}`,
    ...(type === 'incident' ? [`severity: ${spec.severity ?? 'sev2'}`] : []),
    'languages: [en]',
    `timezone: ${spec.timezone ?? 'Asia/Jakarta'}`,
    type === 'incident' ? `detected: ${spec.date}` : `window: { start: ${spec.date} }`,
    ...(spec.systems ? [`systems: [${spec.systems.map((s) => JSON.stringify(s)).join(', ')}]`] : []),
    ...(spec.tags ? [`tags: [${spec.tags.join(', ')}]`] : []),
  ];
  const result = loadText(logText(lines.join('\n')), `${id}.md`);
  if (!result.log) throw new Error(JSON.stringify(result.findings));
  return result.log;
}

function charts(logs: IncidentLog[], lang = 'en'): ArchiveChart[] {
  const text = loadArchiveText(locales, lang);
  const entries = buildArchiveEntries(logs, {
    views: createViewStore({ locales }),
    lang,
    outDir: '/nonexistent-warta-archive',
    formats: ['html'],
    docs: ['lessons'],
  });
  return buildArchiveCharts(entries, text);
}

function chart(list: ArchiveChart[], id: string): ArchiveChart {
  const found = list.find((c) => c.id === id);
  if (!found) throw new Error(`no ${id} among ${list.map((c) => c.id).join(', ')}`);
  return found;
}

/** The text of every `<text>` whose class list holds `name`, in document order. */
function texts(svg: string, name: string): string[] {
  return [...svg.matchAll(/<text\b([^>]*)>([^<]*)<\/text>/g)]
    .filter(([, attrs]) => new RegExp(`class="[^"]*\\b${name}\\b[^"]*"`).test(attrs as string))
    .map(([, , content]) => content as string);
}

/** The centre x of every `<text>` whose class list holds `name`, with its text and whether it is turned upright. */
function placed(svg: string, name: string): { x: number; text: string; upright: boolean }[] {
  return [...svg.matchAll(/<text\b([^>]*)>([^<]*)<\/text>/g)]
    .filter(([, attrs]) => new RegExp(`class="[^"]*\\b${name}\\b[^"]*"`).test(attrs as string))
    .map(([, attrs, content]) => {
      const text = content as string;
      const upright = (attrs as string).includes('rotate(-90');
      const anchor = /text-anchor="(\w+)"/.exec(attrs as string)?.[1];
      const shift = upright || anchor === 'middle' ? 0 : [...text].length * 3.1 * (anchor === 'end' ? -1 : 1);
      return { x: Number(/\bx="([\d.]+)"/.exec(attrs as string)?.[1]) + shift, text, upright };
    });
}

/** Fails when two labels on one line would overlap (11px text, at most 6.2px a character; upright ones need 11px across). */
function expectApart(labels: { x: number; text: string; upright: boolean }[], what: string) {
  for (let i = 1; i < labels.length; i++) {
    const [a, b] = [labels[i - 1], labels[i]] as [(typeof labels)[number], (typeof labels)[number]];
    const need = a.upright ? 11 : ([...a.text].length + [...b.text].length) * 3.1 + 2;
    expect(b.x - a.x, `${what}: ${a.text} and ${b.text}`).toBeGreaterThanOrEqual(need);
  }
  for (const l of labels) {
    const half = l.upright ? 6 : [...l.text].length * 3.1;
    expect(l.x - half, `${what}: ${l.text}`).toBeGreaterThanOrEqual(0);
    expect(l.x + half, `${what}: ${l.text}`).toBeLessThanOrEqual(360);
  }
}

/** The time chart's text alternative. */
function desc(svg: string): string {
  return /<desc[^>]*>([^<]*)<\/desc>/.exec(svg)?.[1] ?? '';
}

const monthDays = (from: string, count: number, step: number): string[] =>
  Array.from({ length: count }, (_, i) => {
    const [y, m] = from.split('-').map(Number) as [number, number];
    const total = y * 12 + (m - 1) + i * step;
    return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-10`;
  });

describe('the chart of logs over time', () => {
  it('names every quarter and every year from Q3 2019 to Q1 2024, the last bar included', () => {
    const svg = chart(
      charts(['2019-07-02', '2023-05-08', '2023-11-08', '2024-03-05'].map((date) => makeLog({ date }))),
      'chart-severity',
    ).svg;
    const quarters = texts(svg, 'category');
    expect(quarters).toEqual(['Q3', 'Q4', ...Array.from({ length: 4 }, () => ['Q1', 'Q2', 'Q3', 'Q4']).flat(), 'Q1']);
    expect(texts(svg, 'group')).toEqual(['2019', '2020', '2021', '2022', '2023', '2024']);
    expect(desc(svg)).toContain('Q1 2024: 1');
  });

  it('names every month and its year over a range that crosses two new years', () => {
    const svg = chart(charts(monthDays('2023-11', 16, 1).map((date) => makeLog({ date }))), 'chart-severity').svg;
    const months = texts(svg, 'category');
    expect(months).toHaveLength(16);
    expect(months.every((m) => m.length > 0)).toBe(true);
    expect(texts(svg, 'group')).toEqual(['2023', '2024', '2025']);
    expect(desc(svg)).toContain('February 2025: 1');
  });

  it('names every year over eleven years', () => {
    const svg = chart(charts(['2015-12-11', '2019-07-02', '2025-06-21'].map((date) => makeLog({ date }))), 'chart-severity').svg;
    expect(texts(svg, 'category')).toEqual(Array.from({ length: 11 }, (_, i) => String(2015 + i)));
  });

  it('labels every bar and every year over any range, from one month to forty years', () => {
    for (const years of [0, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 27, 30, 40]) {
      for (const startMonth of ['01', '06', '12']) {
        const first = `${2000 + (years % 7)}-${startMonth}-15`;
        const last = `${Number(first.slice(0, 4)) + years}-${years % 2 ? '02' : '11'}-15`;
        const svg = chart(charts([makeLog({ date: first }), makeLog({ date: last })]), 'chart-severity').svg;
        const bars = desc(svg).split('; ');
        const labels = texts(svg, 'category');
        expect(labels, `${first} – ${last}`).toHaveLength(bars.length);
        expect(labels.every((l) => l.trim() !== '')).toBe(true);
        const named = [...texts(svg, 'group'), ...labels].join(' ');
        expectApart(placed(svg, 'category'), `${first} – ${last}`);
        expectApart(placed(svg, 'group'), `${first} – ${last}`);
        // No year label crosses the tick between two years.
        const ticks = [...svg.matchAll(/<line x1="([\d.]+)"[^>]*class="tick"/g)].map((m) => Number(m[1]));
        for (const label of placed(svg, 'group')) {
          const half = [...label.text].length * 3.1;
          for (const tick of ticks) expect(Math.abs(tick - label.x), `${first} – ${last}: ${label.text}`).toBeGreaterThan(half);
        }
        expect(bars.at(-1), `${first} – ${last}`).toMatch(/: 1\b/);
        const spanYears = Number(last.slice(0, 4)) - Number(first.slice(0, 4));
        // Yearly or finer: every year has its own label.
        if (bars.length > spanYears) {
          for (let y = Number(first.slice(0, 4)); y <= Number(last.slice(0, 4)); y++)
            expect(named, `${first} – ${last}`).toContain(String(y));
        }
        expect(svg).not.toMatch(/NaN|undefined|Infinity/);
      }
    }
  });

  it('counts the December 2015 change of the samples in its month, with the incidents', () => {
    const sample = readLog(join(import.meta.dirname, '../../incidents/2015-12-11-vcenter-upgrade-postponed.md'), { locales }).log;
    expect(sample).toBeDefined();
    const svg = chart(charts([sample as IncidentLog, makeLog({ date: '2016-04-02' })]), 'chart-severity').svg;
    expect(desc(svg)).toMatch(/^December 2015: 1 \(Change 1\)/);
    expect(desc(svg)).toContain('April 2016: 1 (SEV 2 1)');
    expect(texts(svg, 'legend')).toEqual(['SEV 2', 'Change']);
  });

  it('counts an incident late on 31 December or early on 1 December in the month of its own timezone', () => {
    const logs = [
      makeLog({ date: '2015-12-31T23:30', timezone: 'Asia/Jakarta' }),
      makeLog({ date: '2015-12-01T00:10', timezone: 'America/Los_Angeles' }),
      makeLog({ date: '2015-12-31T23:59', timezone: 'Pacific/Kiritimati' }),
      makeLog({ date: '2015-12-01', timezone: 'Pacific/Pago_Pago' }),
      makeLog({ date: '2016-02-01T00:00', timezone: 'UTC' }),
    ];
    const d = desc(chart(charts(logs), 'chart-severity').svg);
    expect(d).toMatch(/^December 2015: 4 \(SEV 2 4\); January 2016: 0; February 2016: 1/);
  });
});

describe('the breakdown chart', () => {
  it('counts logs per system when some system repeats, listing only systems named more than once', () => {
    const list = charts([
      makeLog({ date: '2024-01-05', systems: ['Payment API', 'Checkout'] }),
      makeLog({ date: '2024-02-05', systems: ['payment api', 'ERP'] }),
      makeLog({ date: '2024-03-05', systems: ['Mail', 'Payment API'] }),
    ]);
    const systems = chart(list, 'chart-systems');
    expect(desc(systems.svg)).toBe('Payment API: 3');
    expect(list.map((c) => c.id)).not.toContain('chart-tags');
  });

  it('falls back to tags when no system repeats', () => {
    const list = charts([
      makeLog({ date: '2024-01-05', systems: ['A'], tags: ['network', 'dns'] }),
      makeLog({ date: '2024-02-05', systems: ['B'], tags: ['network'] }),
      makeLog({ date: '2024-03-05', systems: ['C'], tags: ['dns', 'network', 'power'] }),
    ]);
    expect(list.map((c) => c.id)).not.toContain('chart-systems');
    const tags = chart(list, 'chart-tags');
    expect(tags.title).toBe('Most common tags');
    expect(desc(tags.svg)).toBe('#network: 3; #dns: 2');
  });

  it('falls back to the types of log when neither systems nor tags repeat', () => {
    const list = charts([
      makeLog({ date: '2024-01-05', systems: ['A'], tags: ['x'] }),
      makeLog({ date: '2024-02-05', systems: ['B'], tags: ['y'] }),
      makeLog({ date: '2024-03-05', systems: ['C'], type: 'change' }),
      makeLog({ date: '2024-04-05', systems: ['D'], type: 'maintenance' }),
    ]);
    expect(list.map((c) => c.id)).not.toContain('chart-systems');
    expect(list.map((c) => c.id)).not.toContain('chart-tags');
    const types = chart(list, 'chart-types');
    expect(desc(types.svg)).toBe('Incident: 2; Change: 1; Maintenance: 1');
  });

  it('leaves the breakdown out when it would have nothing to say', () => {
    const list = charts([makeLog({ date: '2024-01-05', systems: ['A'], tags: ['x'] }), makeLog({ date: '2024-02-05', systems: ['B'] })]);
    expect(list.map((c) => c.id)).toEqual(['chart-severity']);
  });

  it('has its words in Indonesian', () => {
    const list = charts(
      [
        makeLog({ date: '2024-01-05', tags: ['jaringan'] }),
        makeLog({ date: '2024-02-05', tags: ['jaringan'] }),
        makeLog({ date: '2024-03-05', type: 'change' }),
      ],
      'id',
    );
    expect(chart(list, 'chart-tags').title).toBe('Tag yang paling sering muncul');
    expect(chart(list, 'chart-severity').title).toBe('Insiden, perubahan dan pemeliharaan per bulan');
    expect(desc(chart(list, 'chart-severity').svg)).toContain('Perubahan 1');
  });
});
