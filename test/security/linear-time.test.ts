/**
 * No text path takes more than linear time: every field a log's text reaches (the body, the
 * announcement and a code block in it, contacts, impact, title, organization, actions, systems,
 * timeline items) is rendered to every output that needs no browser (the HTML of each document,
 * notice.txt and notice.eml) from 10 kB and 100 kB of pathological text: runs of spaces, tabs,
 * newlines, backslashes, `*`, `_`, `[`, `<` and one long word. Ten times the input may take about
 * ten times as long; a quadratic path takes a hundred times as long (a trailing-white-space regex
 * made a 40 kB code block of spaces take 10 s). The ratio is what is asserted, with a wide margin
 * for busy CI machines, plus a generous absolute ceiling; the timings are printed.
 */
import { describe, expect, it } from 'vitest';
import { buildView, type DocumentKind } from '../../src/model/build-view.js';
import { loadTemplates } from '../../src/render/load-templates.js';
import { renderNoticeEml } from '../../src/render/render-notice-eml.js';
import { renderNoticeText } from '../../src/render/render-notice-text.js';
import { renderPage } from '../../src/render/render-page.js';
import { loadText, locales } from '../helpers.js';

const templates = loadTemplates();

/** Pathological runs of about `n` characters; the white-space ones also end the value (trailing white space). */
const runs: Record<string, (n: number) => string> = {
  spaces: (n) => `a${' '.repeat(n / 2)}b${' '.repeat(n / 2)}`,
  tabs: (n) => `a${'\t'.repeat(n / 2)}b${' \t'.repeat(n / 4)}`,
  newlines: (n) => `a${'\n'.repeat(n / 2)}b${' \n'.repeat(n / 4)}`,
  backslashes: (n) => `a${'\\'.repeat(n)}`,
  stars: (n) => `${'*'.repeat(n / 2)}${'*a'.repeat(n / 4)}`,
  underscores: (n) => `${'_'.repeat(n / 2)}${'_a'.repeat(n / 4)}`,
  brackets: (n) => `${'['.repeat(n / 2)}${'[a]('.repeat(n / 8)}`,
  angles: (n) => `${'<'.repeat(n / 2)}${'<a '.repeat(n / 6)}`,
  word: (n) => 'x'.repeat(n),
};

/** Every run, each about `n / 9` long: one value of about `n` characters that holds them all. */
const allRuns = (n: number) =>
  Object.values(runs)
    .map((run) => run(Math.floor(n / Object.keys(runs).length / 12) * 12))
    .join(' x ');

const yamlText = (value: string) => JSON.stringify(value);
const oneLine = (value: string) => value.replace(/\n/g, ' ');

/** Where the text goes: front matter lines and a body. */
const fields: Record<string, (value: string) => { frontMatter?: string; body?: string }> = {
  body: (v) => ({ body: `## Summary\n\n${v}\n` }),
  announcement: (v) => ({ body: `## Summary\n\nok\n\n## Announcement\n\n${v}\n` }),
  'announcement code block': (v) => ({ body: `## Summary\n\nok\n\n## Announcement\n\n\`\`\`\n${v}\n\`\`\`\n` }),
  'timeline item': (v) => ({
    frontMatter: 'detected: 2024-01-01T10:00',
    body: `## Summary\n\nok\n\n## Timeline\n\n- 10:00 — ${oneLine(v)}\n- 10:05 — ok\n`,
  }),
  title: (v) => ({ frontMatter: `title: ${yamlText(v)}` }),
  organization: (v) => ({ frontMatter: `organization: ${yamlText(v)}` }),
  contacts: (v) => ({ frontMatter: `contacts: [${yamlText(v)}]` }),
  impact: (v) => ({ frontMatter: `impact: { downtime: ${yamlText(v)}, users: ${yamlText(v)} }` }),
  actions: (v) => ({ frontMatter: `actions: [{ title: ${yamlText(v)}, owner: ${yamlText(v)} }]` }),
  systems: (v) => ({ frontMatter: `systems: [{ name: ${yamlText(v)}, impact: ${yamlText(v)} }]` }),
};

function logOf(field: string, value: string): string {
  const { frontMatter = '', body = '## Summary\n\nok\n' } = (fields[field] as (v: string) => { frontMatter?: string; body?: string })(
    value,
  );
  const title = frontMatter.startsWith('title:') ? '' : 'title: T\n';
  return `---\n${title}type: incident\nstatus: resolved\n${frontMatter}\n---\n\n${body}`;
}

/** Reads the log and renders every output that needs no browser; returns the milliseconds it took. */
function renderAll(text: string): number {
  const started = performance.now();
  const { log, findings } = loadText(text);
  if (!log) throw new Error(`log refused: ${findings.map((f) => f.message).join('; ')}`);
  for (const kind of ['report', 'lessons', 'notice'] as DocumentKind[]) {
    const views = log.languages.map((lang) => buildView(log, kind, lang, { locales, now: 0 }));
    const html = renderPage(templates, kind, views);
    if (kind === 'notice') {
      const plain = renderNoticeText(views);
      renderNoticeEml({ views, html, text: plain, date: new Date(0) });
    }
  }
  return performance.now() - started;
}

/** The ratio is taken against at least this much: below it a measurement is mostly fixed cost and noise. */
const floorMs = 25;
/** Linear growth is 10×; quadratic is 100×. */
const maxRatio = 25;
/**
 * For 50,000 blank lines on their own: markdown-it keeps five arrays of line offsets, and past about
 * 20,000 lines the garbage collector makes each line cost more (measured: 10 kB to 100 kB of blank
 * lines takes 25-50 times as long in markdown-it alone, 100 kB to 1 MB 10-20 times): not quadratic.
 */
const maxRatioManyLines = 40;
/** For 100 kB on a loaded 2-core machine; a quadratic path takes minutes. */
const ceilingMs = 8_000;

describe('every text path takes linear time', () => {
  const cases = Object.keys(fields).flatMap((field) => [
    { field, run: 'all runs', value: allRuns },
    // White space on its own, in runs of 50 kB instead of 5 kB: the paths that trimmed it were quadratic.
    ...(['body', 'announcement code block', 'contacts', 'impact'].includes(field)
      ? (['spaces', 'tabs', 'newlines'] as const).map((run) => ({ field, run, value: runs[run] as (n: number) => string }))
      : []),
  ]);

  it.each(cases)('$field: $run', ({ field, run, value }) => {
    const small = logOf(field, value(10_000));
    const large = logOf(field, value(100_000));
    renderAll(small); // warm up
    const smallMs = Math.min(renderAll(small), renderAll(small));
    const limit = run === 'newlines' ? maxRatioManyLines : maxRatio;
    let largeMs = renderAll(large);
    // Measured again only when it looks slow: one busy moment of a shared machine is not a trend.
    if (largeMs / Math.max(smallMs, floorMs) >= limit) largeMs = Math.min(largeMs, renderAll(large));
    console.log(`${field}, ${run}: 10 kB ${smallMs.toFixed(0)} ms, 100 kB ${largeMs.toFixed(0)} ms`);
    expect(largeMs).toBeLessThan(ceilingMs);
    expect(largeMs / Math.max(smallMs, floorMs)).toBeLessThan(limit);
  });
});
