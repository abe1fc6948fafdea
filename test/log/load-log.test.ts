import { describe, expect, it } from 'vitest';
import { loadText, logText } from '../helpers.js';

const base = 'title: Test\ntype: change\nstatus: completed';

describe('loadLog: front matter', () => {
  it('reads a minimal log with defaults', () => {
    const result = loadText(logText(base), '2015-12-11 My Change.md');
    expect(result.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(result.log?.id).toBe('2015-12-11-my-change');
    expect(result.log?.languages).toEqual(['en']);
    expect(result.log?.timezone).toBe('UTC');
    expect(result.log?.title).toEqual({ en: 'Test' });
  });

  it('refuses ---js front matter without running it', () => {
    (globalThis as Record<string, unknown>).wartaRan = false;
    const result = loadText('---js\n{ title: (globalThis.wartaRan = true, "x") }\n---\nbody\n');
    expect((globalThis as Record<string, unknown>).wartaRan).toBe(false);
    expect(result.log).toBeUndefined();
    expect(result.findings[0]).toMatchObject({ line: 1, severity: 'error', rule: 'front-matter/language' });
    expect(result.findings[0]?.message).toContain('"js"');
  });

  it.each(['javascript', 'coffee', 'toml', 'json'])('refuses ---%s front matter', (lang) => {
    const result = loadText(`---${lang}\ntitle = "x"\n---\n`);
    expect(result.findings[0]?.rule).toBe('front-matter/language');
  });

  it('names the line and key of a wrong date', () => {
    const result = loadText(logText(`${base}\nwindow:\n  start: 2015-12-32T19:00\n  end: 2015-12-12T08:00`));
    const finding = result.findings.find((f) => f.rule === 'front-matter/window');
    expect(finding).toMatchObject({ line: 6, column: 10, severity: 'error' });
    expect(finding?.message).toContain('window.start');
    expect(finding?.message).toContain('2015-12-32T19:00');
    expect(finding?.message).toContain('expected a date and time');
    expect(result.log).toBeUndefined();
  });

  it('names a status that does not fit the type', () => {
    const result = loadText(logText('title: T\ntype: incident\nstatus: postponed'));
    const finding = result.findings.find((f) => f.rule === 'front-matter/status');
    expect(finding).toMatchObject({ line: 4, column: 9, severity: 'error' });
    expect(finding?.message).toMatch(/investigating, identified, monitoring, resolved/);
    expect(finding?.message).toMatch(/change or maintenance/);
  });

  it('reports a missing title at the front matter', () => {
    const result = loadText(logText('type: change\nstatus: completed'));
    const finding = result.findings.find((f) => f.rule === 'front-matter/title');
    expect(finding).toMatchObject({ line: 2, severity: 'error' });
    expect(finding?.message).toContain('title: missing');
  });

  it('reports YAML syntax errors with their line', () => {
    const result = loadText('---\ntitle: T\ntype: [change\nstatus: x\n---\n');
    expect(result.findings[0]?.rule).toBe('yaml/syntax');
    expect(result.findings[0]?.line).toBeGreaterThanOrEqual(3);
  });

  it('refuses duplicate keys', () => {
    const result = loadText(logText(`${base}\ntitle: Again`));
    expect(result.findings.find((f) => f.rule === 'yaml/duplicate-key')).toMatchObject({ line: 5 });
  });

  it('warns on unknown keys with a suggestion', () => {
    const result = loadText(logText(`${base}\nseverty: sev2`));
    const finding = result.findings.find((f) => f.rule === 'front-matter/unknown-key');
    expect(finding).toMatchObject({ line: 5, column: 1, severity: 'warning' });
    expect(finding?.message).toContain('did you mean "severity"');
    expect(result.log).toBeDefined();
  });

  it('refuses an unknown timezone and an unknown language', () => {
    const result = loadText(logText(`${base}\ntimezone: Asia/Jakartaa\nlanguages: [id, xx]`));
    expect(result.findings.find((f) => f.rule === 'front-matter/timezone')?.line).toBe(5);
    const lang = result.findings.find((f) => f.rule === 'front-matter/languages');
    expect(lang).toMatchObject({ line: 6, severity: 'error' });
    expect(lang?.message).toContain('"xx"');
  });

  it('refuses a window that ends before it starts', () => {
    const result = loadText(logText(`${base}\nwindow: { start: 2015-12-11T19:00, end: 2015-12-11T08:00 }`));
    expect(result.findings.find((f) => f.rule === 'front-matter/time-order')?.message).toContain('window.end');
  });

  it('localizes plain values to the primary language and warns on missing translations', () => {
    const result = loadText(
      logText(
        `title: { id: Judul }\ntype: change\nstatus: postponed\nlanguages: [id, en]\nrescheduled: { start: 2015-12-18T19:00 }\ndecision:\n  rationale: Alasan saja`,
      ),
    );
    expect(result.log?.title).toEqual({ id: 'Judul' });
    expect(result.log?.decision?.rationale).toEqual({ id: 'Alasan saja' });
    const missing = result.findings.filter((f) => f.rule === 'translation/missing');
    expect(missing.map((f) => f.message).join('\n')).toContain('title: no text in "en"');
    expect(missing.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('resolves times in the log timezone and keeps offsets', () => {
    const result = loadText(logText(`${base}\ntimezone: Asia/Jakarta\nwindow: { start: 2015-12-11T19:00, end: 2015-12-12T08:00+07:00 }`));
    expect(result.log?.window?.start?.epoch).toBe(Date.UTC(2015, 11, 11, 12));
    expect(result.log?.window?.end?.epoch).toBe(Date.UTC(2015, 11, 12, 1));
  });

  it('refuses a YAML alias bomb quickly', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++)
      lines.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10)
          .fill(`*${String.fromCharCode(96 + i)}`)
          .join(',')}]`,
      );
    const started = Date.now();
    const result = loadText(`---\n${lines.join('\n')}\n---\n`);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(result.findings[0]?.rule).toBe('yaml/aliases');
  });

  it('refuses a file with no front matter or an unclosed one', () => {
    expect(loadText('# Just markdown\n').findings[0]?.rule).toBe('front-matter/missing');
    expect(loadText('---\ntitle: x\n').findings[0]?.rule).toBe('front-matter/unclosed');
  });

  it('keeps __proto__ keys inert', () => {
    const result = loadText(logText(`${base}\n__proto__: { polluted: true }`));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.findings.find((f) => f.rule === 'front-matter/unknown-key')?.message).toContain('__proto__');
  });
});

describe('loadLog: body', () => {
  const bilingual = `title: { id: Judul, en: Title }\ntype: change\nstatus: completed\nlanguages: [id, en]\ntimezone: Asia/Jakarta\nwindow: { start: 2015-12-11T19:00, end: 2015-12-12T08:00 }`;

  it('cuts known sections in both languages, {lang=xx} winning', () => {
    const body =
      '## Ringkasan\n\nIni ringkasan.\n\n## Summary\n\nThis is the summary.\n\n## Impact {lang=id}\n\nDampak yang ditulis dengan judul Inggris.\n';
    const log = loadText(logText(bilingual, body)).log;
    expect(log?.sections.summary?.text.id?.markdown).toBe('Ini ringkasan.');
    expect(log?.sections.summary?.text.en?.markdown).toBe('This is the summary.');
    expect(log?.sections.impact?.text.id?.markdown).toContain('Dampak');
    expect(log?.sections.impact?.text.en).toBeUndefined();
  });

  it('matches headings case-insensitively and ignores ## inside code blocks', () => {
    const body = '## WHAT WENT WELL\n\nGood.\n\n```\n## not a heading\n```\n\n## yang berjalan baik\n\nBaik.\n';
    const log = loadText(logText(bilingual, body)).log;
    expect(log?.sections['went-well']?.text.en?.markdown).toContain('## not a heading');
    expect(log?.sections['went-well']?.text.id?.markdown).toBe('Baik.');
  });

  it('keeps custom sections in order, paired across languages', () => {
    const body =
      '## Ringkasan\n\nR.\n\n## Catatan\n\nC1.\n\n## Lampiran\n\nL1.\n\n## Summary\n\nS.\n\n## Notes\n\nN1.\n\n## Appendix\n\nA1.\n';
    const log = loadText(logText(bilingual, body)).log;
    expect(log?.customSections.map((s) => [s.text.id?.heading, s.text.en?.heading])).toEqual([
      ['Catatan', 'Notes'],
      ['Lampiran', 'Appendix'],
    ]);
  });

  it('warns when a section is missing in one language', () => {
    const result = loadText(logText(bilingual, '## Ringkasan\n\nHanya Indonesia.\n'));
    const finding = result.findings.find((f) => f.rule === 'translation/missing-section');
    expect(finding).toMatchObject({ severity: 'warning', line: 10 });
    expect(finding?.message).toContain('"en"');
  });

  it('reads timeline items into dated events, the date carrying over', () => {
    const body =
      '## Kronologi\n\n- 2015-12-11 19:00 — Mulai.\n- 23:30 — Masih berjalan.\n- 2015-12-12 05:00 – Subuh.\n- 14:00: Keputusan.\n';
    const result = loadText(logText(bilingual, body));
    const events = result.log?.timeline.id ?? [];
    expect(events.map((e) => e.at.iso)).toEqual([
      '2015-12-11T19:00:00.000+07:00',
      '2015-12-11T23:30:00.000+07:00',
      '2015-12-12T05:00:00.000+07:00',
      '2015-12-12T14:00:00.000+07:00',
    ]);
    expect(events.map((e) => e.text)).toEqual(['Mulai.', 'Masih berjalan.', 'Subuh.', 'Keputusan.']);
    expect(events[0]?.line).toBe(12);
  });

  it('takes the first timeline date from the window and warns when time goes backwards', () => {
    const body = '## Timeline\n\n- 19:00 — Start.\n- 18:00 — Earlier?\n';
    const result = loadText(logText(bilingual, body));
    expect(result.log?.timeline.en?.[0]?.at.iso).toBe('2015-12-11T19:00:00.000+07:00');
    expect(result.findings.find((f) => f.rule === 'timeline/order')).toMatchObject({ line: 13, severity: 'warning' });
  });

  it('refuses a timeline time without any date to take', () => {
    const result = loadText(logText('title: T\ntype: incident\nstatus: investigating', '## Timeline\n\n- 19:00 — Start.\n'));
    expect(result.findings.find((f) => f.rule === 'timeline/no-date')).toMatchObject({ line: 9, severity: 'error' });
  });
});
