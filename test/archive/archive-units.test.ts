import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scriptHash } from '../../src/archive/content-security-policy.js';
import { csvCell } from '../../src/archive/csv-cell.js';
import { escapeXml } from '../../src/html/escape-xml.js';
import { horizontalBarChartSvg } from '../../src/archive/charts/horizontal-bar-chart.js';
import { jsonForScript } from '../../src/archive/json-for-script.js';
import { liveReloadScript, withLiveReload } from '../../src/preview/live-reload.js';
import { resolveServedPath } from '../../src/preview/resolve-served-path.js';
import { scaffoldLog } from '../../src/scaffold/scaffold-log.js';
import { stackedBarChartSvg } from '../../src/archive/charts/stacked-bar-chart.js';
import { uuidFromName } from '../../src/archive/uuid-from-name.js';
import { locales, loadText, tempDir } from '../helpers.js';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    ['+1', "'+1"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['=a,b', `"'=a,b"`],
    [' padded', '" padded"'],
    ['', ''],
  ])('%j -> %j', (input, output) => expect(csvCell(input)).toBe(output));
  it('writes nothing for a missing value', () => {
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
  });
});

describe('resolveServedPath', () => {
  const root = tempDir();
  mkdirSync(join(root, 'a'));
  writeFileSync(join(root, 'a', 'index.html'), 'x');
  symlinkSync('/etc', join(root, 'escape'));
  it.each([
    ['/../package.json', 403],
    ['/a/../../x', 403],
    ['/%2e%2e/%2e%2e/package.json', 403],
    ['/..%2f..%2fpackage.json', 403],
    ['/a/..%5c..%5cx', 400],
    ['/a%00.html', 400],
    ['/%E0%A4%A', 400],
    ['relative', 400],
    ['/escape/passwd', 403],
  ])('refuses %s with %i', (target, status) => expect(resolveServedPath(root, target)).toEqual({ status }));
  it('maps a path, ignoring the query, to a file inside the folder', () => {
    expect(resolveServedPath(root, '/a/index.html?x=1#y')).toEqual({ path: join(root, 'a', 'index.html') });
    expect(resolveServedPath(root, '/a/caf%C3%A9.html')).toEqual({ path: join(root, 'a', 'café.html') });
    expect(resolveServedPath(root, '/')).toEqual({ path: root });
  });
});

describe('withLiveReload', () => {
  const hash = scriptHash(liveReloadScript);
  it('adds the reload script and widens an archive page policy by exactly its hash and connect-src self', () => {
    const page = `<html><head><meta http-equiv="Content-Security-Policy" content="default-src &#x27;none&#x27;; script-src &#x27;sha256-abc&#x3D;&#x27;"></head><body><p>x</p></body></html>`;
    const { html, csp } = withLiveReload(page);
    expect(csp).toBe(`default-src 'none'; script-src 'sha256-abc=' ${hash}; connect-src 'self'`);
    expect(html).toContain(`content="${csp}"`);
    expect(html).toMatch(/<script>\(function\(\)\{var s=new EventSource\('\/__warta\/events'\)[\s\S]*<\/script>\n<\/body>/);
  });
  it('adds script-src to a document policy that allows no script', () => {
    const { csp } = withLiveReload(
      `<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"></head><body></body>`,
    );
    expect(csp).toBe(`default-src 'none'; style-src 'unsafe-inline'; script-src ${hash}; connect-src 'self'`);
  });
});

describe('small pieces', () => {
  it('derives RFC 4122 version 5 UUIDs', () => {
    // Python: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org')
    expect(uuidFromName('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
    expect(uuidFromName('incident:a')).toBe(uuidFromName('incident:a'));
    expect(uuidFromName('incident:a')).not.toBe(uuidFromName('incident:b'));
  });
  it('escapes XML and drops characters XML cannot hold', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0001\uFFFF\uD800ok`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;ok');
  });
  it('writes JSON that cannot end a script element', () => {
    const value = { t: '</script><!--<script>\u2028&' };
    const json = jsonForScript(value);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(value);
  });
  it('draws charts without NaN, with escaped labels and a text alternative', () => {
    const stacked = stackedBarChartSvg({
      id: 'c',
      title: 'T <x>',
      categories: ['Jan', 'Feb'],
      series: [
        { label: 'SEV 1', color: '#a00', values: [1, 0] },
        { label: '<b>', color: '#0a0', values: [2, 3] },
      ],
    });
    const bars = horizontalBarChartSvg({
      id: 'h',
      title: 'Systems',
      bars: [{ label: 'A very long system name that needs cutting', value: 3 }],
    });
    for (const svg of [stacked, bars]) expect(svg).not.toMatch(/NaN|undefined|<b>|<x>/);
    expect(stacked).toContain('<desc id="c-d">Jan: 3 (SEV 1 1, &lt;b&gt; 2); Feb: 3 (&lt;b&gt; 3)</desc>');
    expect(bars).toContain('>A very long system na…</text>');
    expect(stackedBarChartSvg({ id: 'e', title: 'Empty', categories: [], series: [] })).not.toMatch(/NaN|Infinity/);
  });
  it('scaffolds a log that validates, with every section heading in every language', () => {
    for (const type of ['incident', 'change', 'maintenance'] as const) {
      const text = scaffoldLog({
        type,
        languages: ['id', 'en'],
        title: 'Judul: "uji"',
        timezone: 'Asia/Jakarta',
        date: '2025-01-02',
        locales,
      });
      const result = loadText(text, `2025-01-02-${type}.md`);
      expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
      expect(result.log?.title).toEqual({ id: 'Judul: "uji"', en: 'Judul: "uji"' });
      // Every known section but the actions, whose empty heading leaves nothing: 11 of format v1, trigger, detection and resolution of v1.1.
      expect(Object.keys(result.log?.sections ?? {})).toHaveLength(14);
      for (const section of Object.values(result.log?.sections ?? {})) expect(Object.keys(section.text).sort()).toEqual(['en', 'id']);
    }
  });
});
