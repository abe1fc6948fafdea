/** The PDF's running header and footer are partials: warta's own look by default, overridable per document kind. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isWartaError } from '../../src/errors.js';
import { buildView } from '../../src/model/build-view.js';
import { headerFooter } from '../../src/pdf/pdf-printer.js';
import { loadTemplates } from '../../src/render/load-templates.js';
import { renderPdfChrome } from '../../src/render/render-pdf-chrome.js';
import { readLog } from '../../src/log/read-log.js';
import { locales, tempDir } from '../helpers.js';

const seed = resolve(import.meta.dirname, '../../incidents/2015-12-11-vcenter-upgrade-postponed.md');
const log = readLog(seed, { locales }).log!;
const parts = { left: 'PT Contoh · Laporan <b>', right: 'Upgrade "vCenter" & co', footer: log.id, pageOf: 'Halaman {page} dari {pages}' };

describe('the PDF header and footer partials', () => {
  it('give by default what warta printed before they were templates, escaped', () => {
    const templates = loadTemplates();
    const views = [buildView(log, 'report', 'id', { locales, now: 0 })];
    const chrome = renderPdfChrome(templates, 'report', views, parts);
    const before = headerFooter({
      html: '',
      headerLeft: parts.left,
      headerRight: parts.right,
      footerLeft: parts.footer,
      pageOf: parts.pageOf,
    });
    const text = (html: string) => html.replace(/<[^>]+>/g, '|').replace(/\|+/g, '|');
    expect(text(chrome.headerTemplate)).toBe(text(before.headerTemplate));
    expect(text(chrome.footerTemplate)).toBe(text(before.footerTemplate));
    expect(chrome.headerTemplate).toContain('Laporan &lt;b&gt;');
    expect(chrome.headerTemplate).not.toContain('<b>');
    expect(chrome.footerTemplate).toContain('Halaman <span class="pageNumber"></span> dari <span class="totalPages"></span>');
    expect(chrome.headerTemplate).toContain('text-overflow: ellipsis');
  });

  it('takes pdf-footer-<kind>.hbs for that kind only, from the user’s templates folder', () => {
    const dir = tempDir('warta-chrome-');
    mkdirSync(join(dir, 'partials'));
    writeFileSync(
      join(dir, 'partials', 'pdf-footer-report.hbs'),
      '<div style="{{style.bar}}"><span>RAHASIA / CONFIDENTIAL · {{footer}}</span><span>{{{pageOf}}}</span></div>',
    );
    const templates = loadTemplates([dir]);
    const report = renderPdfChrome(templates, 'report', [buildView(log, 'report', 'id', { locales, now: 0 })], parts);
    const notice = renderPdfChrome(templates, 'notice', [buildView(log, 'notice', 'id', { locales, now: 0 })], parts);
    expect(report.footerTemplate).toContain('RAHASIA / CONFIDENTIAL · 2015-12-11-vcenter-upgrade-postponed');
    expect(notice.footerTemplate).not.toContain('RAHASIA');
    expect(report.headerTemplate).toBe(notice.headerTemplate);
  });

  it('names the partial when it fails', () => {
    const dir = tempDir('warta-chrome-bad-');
    mkdirSync(join(dir, 'partials'));
    writeFileSync(join(dir, 'partials', 'pdf-header.hbs'), '{{#each view.facts}}{{> no-such-partial}}{{/each}}');
    let error: unknown;
    try {
      loadTemplates([dir]);
    } catch (caught) {
      error = caught;
    }
    expect(isWartaError(error, 'templates')).toBe(true);
    expect(String(error)).toMatch(/pdf-header\.hbs:1: template error: partial "no-such-partial" not found/);
  });
});
