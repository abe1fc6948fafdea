import { describe, expect, it } from 'vitest';
import { buildView } from '../../src/model/build-view.js';
import { loadTemplates } from '../../src/render/load-templates.js';
import { renderPage } from '../../src/render/render-page.js';
import { loadText, locales, logText } from '../helpers.js';

const templates = loadTemplates();
const render = (title: string) => {
  const log = loadText(logText(`title: "${title}"\ntype: change\nstatus: completed`)).log;
  if (!log) throw new Error('log did not load');
  return renderPage(templates, 'report', [buildView(log, 'report', 'en', { locales })]);
};
const faces = (html: string) => (html.match(/@font-face/g) ?? []).length;

describe('embedded fonts', () => {
  it('embeds the Latin faces in every document, in its own stylesheet, with no font request', () => {
    const html = render('Mail server patch – done');
    expect(faces(html)).toBe(5);
    expect(html).toMatch(/<style>\/\* source-sans-3-latin-400-normal \*\//);
    expect(html).not.toMatch(/url\((?!data:font\/woff2;base64,)/);
  });

  it('adds the Latin Extended faces only when the text needs them', () => {
    const html = render('Awaria serwera w Łodzi');
    expect(faces(html)).toBe(10);
    expect(html).toContain('source-sans-3-latin-ext-400-normal');
  });

  it('cannot be hijacked by a title that quotes the marker', () => {
    const html = render('/*warta:fonts*/ title');
    expect(html).toContain('<title>/*warta:fonts*/ title');
    expect(faces(html)).toBe(5);
  });
});
