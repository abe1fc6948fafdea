import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { actionsCsvColumns } from '../../src/archive/actions-csv.js';
import { buildArchive } from '../../src/archive/build-archive.js';
import type { IncidentJson, IncidentsFile } from '../../src/archive/incident-json.js';
import { locales, loadText, tempDir } from '../helpers.js';
import { buildSampleArchive, fixedNow, type SampleArchive } from './sample-archive.js';

let archive: SampleArchive;
beforeAll(async () => {
  archive = await buildSampleArchive();
}, 60_000);

const read = (path: string) => readFileSync(join(archive.out, path), 'utf8');
/** ISO 8601 / RFC 3339 date-time with seconds and an offset (or Z). */
const isoWithOffset = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** An Atom feed as fast-xml-parser reads it: attributes as `@name`, an element's text as `#text` when it has attributes. */
type AtomText = string | { '#text': string };
interface AtomLink {
  '@rel'?: string;
  '@href': string;
}
interface AtomEntry {
  id: string;
  title: AtomText;
  updated: string;
  '@xml:lang': string;
  link: AtomLink[];
  content: { '@type': string; '#text': string };
}
interface AtomFeed {
  '@xmlns': string;
  '@xml:lang': string;
  id: string;
  title: AtomText;
  updated: string;
  author: { name: string };
  link: AtomLink[];
  entry: AtomEntry[];
}
const atomText = (text: AtomText) => (typeof text === 'string' ? text : text['#text']);

/** A small RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else field += c;
  }
  expect(field === '' && record.length === 0, 'the file ends with CRLF').toBe(true);
  return records;
}

describe('notices.atom', () => {
  it('is well-formed XML with every element RFC 4287 requires', () => {
    const xml = read('notices.atom');
    expect(XMLValidator.validate(xml)).toBe(true);
    const parsed = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      isArray: (name) => ['entry', 'link', 'category'].includes(name),
    }).parse(xml) as { feed: AtomFeed };
    const feed = parsed.feed;
    expect(feed['@xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed['@xml:lang']).toBe('en');
    expect(feed.id).toMatch(/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(atomText(feed.title)).toMatch(/Notices to users/);
    expect(feed.updated).toMatch(isoWithOffset);
    expect(feed.author.name).toBeTruthy();
    expect(feed.link.find((l) => l['@rel'] === 'self')?.['@href']).toBe('notices.atom');
    expect(feed.entry).toHaveLength(archive.logs.length);
    const ids = new Set<string>();
    for (const entry of feed.entry) {
      expect(entry.id).toMatch(/^urn:uuid:/);
      ids.add(entry.id);
      expect(atomText(entry.title).length).toBeGreaterThan(0);
      expect(entry.updated).toMatch(isoWithOffset);
      expect(['en', 'id']).toContain(entry['@xml:lang']);
      const alternate = entry.link.find((l) => l['@rel'] === 'alternate') as AtomLink;
      expect(existsSync(join(archive.out, alternate['@href'])), alternate['@href']).toBe(true);
      expect(entry.content['@type']).toBe('html');
      // The escaped HTML is inert: log text that looked like markup is text in it.
      expect(entry.content['#text']).not.toMatch(/<script|<img|<svg|href="javascript:/i);
    }
    expect(ids.size).toBe(archive.logs.length);
    // The feed is as new as its newest entry: the maintenance log's "updated" in its own offset.
    expect(feed.updated).toBe('2025-06-14T10:00:00+08:00');
  });

  it('keeps entry ids across runs and marks each entry with its primary language', () => {
    const xml = read('notices.atom');
    const again = tempDir();
    buildArchive({ logs: archive.logs, outDir: again, locales, formats: [], docs: [], now: fixedNow });
    const ids = (text: string) => [...text.matchAll(/<entry[^>]*>\s*<id>([^<]+)<\/id>/g)].map((m) => m[1]).sort();
    expect(ids(readFileSync(join(again, 'notices.atom'), 'utf8'))).toEqual(ids(xml));
    // A notice's title is its headline when the log has one, in the primary language.
    const vcenter = archive.logs.find((l) => l.id === '2015-12-11-vcenter-upgrade-postponed');
    const title = vcenter?.headline?.id ?? vcenter?.title.id ?? '';
    expect(xml).toContain(`<entry xml:lang="id">\n    <id>urn:uuid:`);
    expect(xml).toContain(`<title type="text">${title}</title>`);
  });
});

describe('incidents.json', () => {
  let file: IncidentsFile;
  beforeAll(() => {
    file = JSON.parse(read('incidents.json')) as IncidentsFile;
  });

  it('holds every log, id and title as loaded, newest first, in the documented shape', () => {
    expect(file.format).toBe('warta-incidents');
    expect(file.version).toBe(1);
    expect(file.generated).toBe(new Date(fixedNow).toISOString());
    expect(file.incidents.map((i) => i.id).sort()).toEqual(archive.logs.map((l) => l.id).sort());
    for (const entry of file.incidents) {
      const log = archive.logs.find((l) => l.id === entry.id);
      expect(entry.title).toEqual(log?.title);
      expect(Object.keys(entry).sort()).toEqual(Object.keys(file.incidents[0] as IncidentJson).sort());
    }
    const dates = file.incidents.map((i) => (i.date ? Date.parse(i.date) : 0));
    expect(dates).toEqual([...dates].sort((a, b) => b - a));
  });

  it('writes every time as ISO 8601 with an offset, and paths relative to the log folder', () => {
    const times: unknown[] = [];
    const walk = (value: unknown, key: string) => {
      if (Array.isArray(value)) value.forEach((v) => walk(v, key));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, k);
      else if (
        ['date', 'start', 'end', 'actualStart', 'actualEnd', 'detected', 'resolved', 'at', 'due', 'updated'].includes(key) &&
        value !== null
      )
        times.push(value);
    };
    walk(file.incidents, '');
    expect(times.length).toBeGreaterThan(40);
    for (const time of times) expect(time).toMatch(isoWithOffset);
    const payment = file.incidents.find((i) => i.id === '2024-03-05-payment-api-outage') as IncidentJson;
    expect(payment.file).toBe('2024-03-05-payment-api-outage.md');
    expect(payment.detected).toBe('2024-03-05T14:02:00.000+01:00');
    expect(payment.impact?.downtime).toBe('PT2H18M');
    expect(payment.documents).toContain('2024-03-05-payment-api-outage/report.en.pdf');
    for (const doc of payment.documents) expect(existsSync(join(archive.out, doc))).toBe(true);
  });

  it('round-trips through the validator: each entry written back as a log validates and reads the same', () => {
    for (const entry of file.incidents) {
      const front: Record<string, unknown> = {
        id: entry.id,
        title: entry.title,
        type: entry.type,
        status: entry.status,
        ...(entry.severity ? { severity: entry.severity } : {}),
        languages: entry.languages,
        timezone: entry.timezone,
        ...(entry.organization ? { organization: entry.organization } : {}),
        ...(entry.detected ? { detected: entry.detected } : {}),
        ...(entry.resolved ? { resolved: entry.resolved } : {}),
        ...(entry.window
          ? { window: Object.fromEntries(Object.entries({ start: entry.window.start, end: entry.window.end }).filter(([, v]) => v)) }
          : {}),
        systems: entry.systems.map((s) => (s.impact ? { name: s.name, impact: s.impact } : { name: s.name })),
        actions: entry.actions.map((a) => ({
          title: a.title,
          ...(a.owner ? { owner: a.owner } : {}),
          ...(a.due ? { due: a.due } : {}),
          status: a.status,
        })),
        tags: entry.tags,
        ...(entry.updated ? { updated: entry.updated } : {}),
      };
      // The timeline's dated items were taken out of its Markdown; they go back as "- YYYY-MM-DD HH:MM — text" in the log's timezone.
      const local = (iso: string) =>
        new Intl.DateTimeFormat('sv-SE', { timeZone: entry.timezone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));
      const body = Object.entries(entry.sections)
        .flatMap(([key, byLang]) =>
          Object.entries(byLang).map(([lang, t]) => {
            const events = key === 'timeline' ? (entry.timeline[lang] ?? []).map((e) => `- ${local(e.at)} — ${e.text}`).join('\n') : '';
            return `## ${t.heading} {lang=${lang}}\n\n${t.markdown}\n${events}\n`;
          }),
        )
        .join('\n');
      const result = loadText(`---\n${stringify(front)}---\n\n${body}`, `${entry.id}.md`);
      expect(
        result.findings.filter((f) => f.severity === 'error'),
        entry.id,
      ).toEqual([]);
      const log = result.log;
      const original = archive.logs.find((l) => l.id === entry.id);
      expect(log?.id).toBe(original?.id);
      expect(log?.title).toEqual(original?.title);
      expect(log?.tags).toEqual(original?.tags);
      expect(log?.detected?.epoch).toBe(original?.detected?.epoch);
      expect(log?.window?.start?.epoch).toBe(original?.window?.start?.epoch);
      expect(log?.actions.map((a) => [a.title, a.owner, a.due?.epoch, a.status])).toEqual(
        original?.actions.map((a) => [a.title, a.owner, a.due?.epoch, a.status]),
      );
      expect(Object.keys(log?.sections ?? {}).sort()).toEqual(Object.keys(original?.sections ?? {}).sort());
      expect(log?.timeline).toEqual(
        Object.fromEntries(
          Object.entries(original?.timeline ?? {}).map(([lang, events]) => [
            lang,
            events.map((e) => ({ ...e, line: expect.any(Number) as number })),
          ]),
        ),
      );
    }
  });
});

describe('actions.csv', () => {
  it('parses back as RFC 4180 with one record per action, hostile values quoted and defused', () => {
    const text = read('actions.csv');
    expect(text).toMatch(/\r\n$/);
    expect(text.replace(/"[^"]*"/g, '')).not.toMatch(/[^\r]\n/);
    const [header, ...rows] = parseCsv(text);
    expect(header).toEqual([...actionsCsvColumns]);
    expect(rows).toHaveLength(archive.logs.reduce((n, l) => n + l.actions.length, 0));
    for (const row of rows) {
      expect(row).toHaveLength(header?.length ?? 0);
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    const column = (name: string) => (header as string[]).indexOf(name);
    const hostile = rows.filter((r) => r[column('incident_id')] === 'zz-hostile');
    expect(hostile.map((r) => r[column('action')])).toEqual(["'=cmd|' /C calc'!A0", "'+SUM(A1:A2)"]);
    expect(hostile[0]?.[column('owner')]).toBe('Doe, "Jane"\nsecond line');
    expect(hostile[1]?.[column('owner')]).toBe("'@admin");
    expect(hostile[0]?.[column('overdue')]).toBe('yes');
    expect(hostile[1]?.[column('due')]).toBe('');
    expect(text).toContain('"Doe, ""Jane""\nsecond line"');
  });
});

describe('the archive pages', () => {
  const pages = () => ['index.html', 'actions.html', 'lessons.html', ...archive.logs.map((l) => `${l.id}/index.html`)];
  /** The text a reader sees: styles, scripts and tags removed. */
  const visibleText = (html: string) =>
    html
      .replace(/<style>[\s\S]*?<\/style>/g, '')
      .replace(/<script[\s\S]*?<\/script>/g, '')
      .replace(/<[^>]+>/g, ' ');

  it('each carry a CSP that allows exactly their inline scripts and nothing from anywhere', () => {
    for (const path of pages()) {
      const html = read(path);
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/
        .exec(html)?.[1]
        ?.replace(/&#x27;/g, "'")
        .replace(/&#x3D;/g, '=');
      expect(csp, path).toMatch(/^default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:/);
      const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] as string);
      for (const script of scripts) {
        const hash = createHash('sha256').update(script).digest('base64');
        expect(csp, path).toContain(`'sha256-${hash}'`);
      }
      if (scripts.length === 0) expect(csp, path).not.toContain('script-src');
      expect(html, path).not.toMatch(/(src|href)="(https?:)?\/\/(?!www\.w3\.org)/);
    }
  });

  it('show no undefined, NaN or empty heading, and keep log text out of scripts', () => {
    for (const path of pages()) {
      const html = read(path);
      expect(visibleText(html), path).not.toMatch(/\bundefined\b|\bNaN\b|\[object Object\]|\bnull\b/);
      expect(html, path).not.toMatch(/<h[1-6][^>]*>\s*<\/h[1-6]>/);
      expect(html, path).not.toMatch(/<(dt|th|figcaption|summary)[^>]*>\s*<\/\1>/);
    }
    const data = /<script type="application\/json" id="archive-data">([\s\S]*?)<\/script>/.exec(read('index.html'))?.[1] ?? '';
    expect(data).not.toContain('<');
    const rows = (JSON.parse(data) as { rows: { q: string }[] }).rows;
    expect(rows.find((r) => r.q.includes('quokka'))?.q).toContain('</script>');
  });

  it('leave no partial files behind and build an empty archive without failing', () => {
    const files = readdirSync(archive.out, { recursive: true }) as string[];
    expect(files.filter((f) => f.endsWith('.partial'))).toEqual([]);
    const empty = tempDir();
    const { written } = buildArchive({ logs: [], outDir: empty, locales, formats: ['html'], docs: ['report'], now: fixedNow });
    expect(written.map((w) => w.slice(empty.length + 1)).sort()).toEqual(
      ['actions.csv', 'actions.html', 'incidents.json', 'index.html', 'lessons.html', 'notices.atom'].sort(),
    );
    const index = readFileSync(join(empty, 'index.html'), 'utf8');
    expect(index).toContain('0 incidents');
    expect(index).not.toContain('class="charts"');
    expect(readFileSync(join(empty, 'lessons.html'), 'utf8')).toContain('No lessons have been recorded yet.');
    expect(XMLValidator.validate(readFileSync(join(empty, 'notices.atom'), 'utf8'))).toBe(true);
  });

  it('can be in Indonesian', () => {
    const out = tempDir();
    buildArchive({ logs: archive.logs, outDir: out, locales, formats: ['html'], docs: ['report'], now: fixedNow, lang: 'id' });
    const index = readFileSync(join(out, 'index.html'), 'utf8');
    expect(index).toContain('<html lang="id" data-tl="id">');
    expect(index).toContain('Arsip insiden');
    expect(index).toContain('4 insiden');
    expect(index).toContain('Upgrade vCenter 6 ditunda');
    expect(readFileSync(join(out, 'actions.html'), 'utf8')).toContain('Terlambat');
  });
});
