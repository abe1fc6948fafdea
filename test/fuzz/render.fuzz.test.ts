/**
 * Fuzzes rendering with hostile text in every value and section of otherwise valid logs: every
 * HTML document stays inert (no script, handler, loading tag or unsafe link), the notice e-mail
 * keeps its headers, and the plain-text notice has no control characters.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentKinds, buildView } from '../../src/model/build-view.js';
import { loadTemplates } from '../../src/render/load-templates.js';
import { renderPage } from '../../src/render/render-page.js';
import { renderNoticeEml } from '../../src/render/render-notice-eml.js';
import { renderNoticeText } from '../../src/render/render-notice-text.js';
import { loadText, locales } from '../helpers.js';
import { expectInertHtml, expectPlainText, expectSafeEml } from '../security/inert.js';
import { body, fuzzParams, logFromData, validishFrontMatter, atLeastScaled } from './arbitraries.js';

const templates = loadTemplates();

describe('fuzz: rendering hostile text', () => {
  it('keeps every document inert and the e-mail headers intact', () => {
    let rendered = 0;
    fc.assert(
      fc.property(validishFrontMatter, body, (data, text) => {
        const { log } = loadText(logFromData(data, text));
        if (!log) return;
        rendered++;
        for (const kind of documentKinds) {
          const views = log.languages.map((lang) => buildView(log, kind, lang, { locales, now: 0 }));
          const html = renderPage(templates, kind, kind === 'notice' ? views : views.slice(0, 1));
          expectInertHtml(html, kind);
          if (kind === 'notice') {
            const plain = renderNoticeText(views);
            expectPlainText(plain, 'notice.txt');
            expectSafeEml(renderNoticeEml({ views, html, text: plain, date: new Date(0) }), 'notice.eml');
          }
        }
      }),
      fuzzParams(40),
    );
    expect(rendered).toBeGreaterThan(atLeastScaled(10));
  });
});
