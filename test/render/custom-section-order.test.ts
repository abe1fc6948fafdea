import { describe, expect, it } from 'vitest';
import { knownSectionKeys } from '../../src/locale/types.js';
import { buildView } from '../../src/model/build-view.js';
import { loadTemplates } from '../../src/render/load-templates.js';
import { renderPage } from '../../src/render/render-page.js';
import { loadText, locales, logText } from '../helpers.js';

const templates = loadTemplates();
const fm = 'title: T\ntype: incident\nstatus: resolved\ndetected: 2024-03-05T10:00\nresolved: 2024-03-05T11:00';
const lessons = (body: string) => {
  const result = loadText(logText(fm, body));
  return renderPage(templates, 'lessons', [buildView(result.log!, 'lessons', 'en', { locales, now: 0 })]);
};
const headings = (html: string) => [...html.matchAll(/<h2[^>]*>([^<]+)<\/h2>/g)].map((m) => m[1]);

describe('custom sections keep the place the log gives them', () => {
  it('puts each custom section after the known section it follows, not at the end', () => {
    const html = lessons(
      '## Summary\n\nIt broke.\n\n## Timeline\n\n- 10:00 — Broke\n- 11:00 — Fixed\n\n## Supporting data\n\nGraphs.\n\n## Root cause\n\nA bug.\n\n## Recovery notes\n\nSlow.\n\n## Lessons learned\n\nTest more.\n\n## Appendix\n\nLinks.\n',
    );
    const order = headings(html);
    const at = (name: string) => order.indexOf(name);
    expect(at('Supporting data')).toBeGreaterThan(at('Timeline'));
    expect(at('Supporting data')).toBeLessThan(at('Contributing factors'));
    expect(at('Recovery notes')).toBe(at('Contributing factors') + 1);
    expect(at('Appendix')).toBe(at('Lessons learned') + 1);
  });

  it('shows a custom section that comes before every known one right after the summary', () => {
    const order = headings(lessons('## Context\n\nWhy we care.\n\n## Summary\n\nIt broke.\n'));
    expect(order.slice(0, 2)).toEqual(['Summary', 'Context']);
  });

  it.each([...knownSectionKeys])('never loses a custom section that follows "%s"', (key) => {
    const heading = locales.get('en')?.sections[key]?.[0] ?? key;
    const html = lessons(`## ${heading}\n\n- 10:00 — Something\n\nText of ${key}.\n\n## Custom after ${key}\n\nKept.\n`);
    expect(headings(html).filter((h) => h === `Custom after ${key}`)).toHaveLength(1);
  });
});
