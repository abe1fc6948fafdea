import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSampleArchive, launchChromium, type SampleArchive } from './sample-archive.js';

let archive: SampleArchive;
let browser: Browser;
/** Every dialog any page opened: a script injected through log text would open one. */
const dialogs: string[] = [];

const url = (path: string, hash = '') => `${pathToFileURL(join(archive.out, path)).href}${hash}`;

/** A new page that records console errors, script errors, CSP violations and every request it makes. */
async function openPage(path: string, options: { javascript?: boolean; width?: number; hash?: string } = {}) {
  const page = await browser.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('request', (request) => requests.push(request.url()));
  await page.setJavaScriptEnabled(options.javascript ?? true);
  await page.setViewport({ width: options.width ?? 1280, height: 900 });
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (event) => console.error(`CSP violation: ${event.violatedDirective}`));
  });
  await page.goto(url(path, options.hash), { waitUntil: 'load' });
  return { page, problems, requests };
}

/** Ids of the rows a reader sees. */
const visibleIds = (page: Page) =>
  page.$$eval('#incident-list > li', (items) =>
    items.filter((li) => !(li as HTMLElement).hidden && getComputedStyle(li).display !== 'none').map((li) => li.getAttribute('data-id')),
  );
const countText = (page: Page) => page.$eval('#result-count', (el) => el.textContent?.trim());

beforeAll(async () => {
  [archive, browser] = await Promise.all([buildSampleArchive(), launchChromium()]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

describe('the archive index in Chromium', () => {
  it('lists every log without JavaScript, as a plain complete list', async () => {
    const { page } = await openPage('index.html', { javascript: false });
    const ids = await visibleIds(page);
    expect(ids.sort()).toEqual(archive.logs.map((l) => l.id).sort());
    expect(await page.$eval('#filters', (el) => getComputedStyle(el).display)).toBe('none');
    expect(await countText(page)).toBe('4 incidents');
    // Every row links its incident page and its documents even so.
    expect(await page.$$eval('.incident-title a', (links) => links.length)).toBe(4);
    await page.close();
  });

  it('shows the filters with JavaScript and filters by type', async () => {
    const { page, problems } = await openPage('index.html');
    expect(await page.$eval('#filters', (el) => getComputedStyle(el).display)).not.toBe('none');
    await page.select('#f-type', 'change');
    expect(await visibleIds(page)).toEqual(['2015-12-11-vcenter-upgrade-postponed']);
    expect(await countText(page)).toBe('1 of 4 shown');
    await page.select('#f-type', 'incident');
    expect((await visibleIds(page)).sort()).toEqual(['2024-03-05-payment-api-outage', 'zz-hostile']);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('filters by tag and by system, and combines filters', async () => {
    const { page } = await openPage('index.html');
    await page.select('#f-tag', 'backup');
    expect((await visibleIds(page)).sort()).toEqual(['2015-12-11-vcenter-upgrade-postponed', 'zz-hostile']);
    await page.select('#f-type', 'incident');
    expect(await visibleIds(page)).toEqual(['zz-hostile']);
    await page.click('#f-clear');
    expect(await visibleIds(page)).toHaveLength(4);
    await page.select('#f-system', 'erp');
    expect(await visibleIds(page)).toEqual(['2025-06-14-storage-firmware-maintenance']);
    await page.select('#f-system', '');
    await page.select('#f-year', '2024');
    expect(await visibleIds(page)).toEqual(['2024-03-05-payment-api-outage']);
    await page.close();
  });

  it('searches titles, summaries and lessons in every language, ignoring case and accents', async () => {
    const { page } = await openPage('index.html');
    // "dbkit" is only in the payment incident's summary.
    await page.type('#f-q', 'DBKit');
    expect(await visibleIds(page)).toEqual(['2024-03-05-payment-api-outage']);
    // Words of the Indonesian lessons of the vCenter change.
    await page.$eval('#f-q', (el) => ((el as HTMLInputElement).value = ''));
    await page.type('#f-q', 'mundur selangkah');
    expect(await visibleIds(page)).toEqual(['2015-12-11-vcenter-upgrade-postponed']);
    await page.$eval('#f-q', (el) => ((el as HTMLInputElement).value = ''));
    await page.type('#f-q', 'no such words anywhere');
    expect(await visibleIds(page)).toEqual([]);
    expect(await page.$eval('#no-results', (el) => (el as HTMLElement).hidden)).toBe(false);
    expect(await countText(page)).toBe('0 of 4 shown');
    await page.close();
  });

  it('restores filters from the address and keeps them there', async () => {
    const { page } = await openPage('index.html', { hash: '#type=incident&q=quokka' });
    expect(await visibleIds(page)).toEqual(['zz-hostile']);
    expect(await page.$eval('#f-q', (el) => (el as HTMLInputElement).value)).toBe('quokka');
    await page.select('#f-type', '');
    expect(await page.evaluate(() => location.hash)).toBe('#q=quokka');
    await page.close();
  });

  it('switches the language of the titles', async () => {
    const { page } = await openPage('index.html');
    const title = (id: string) => page.$eval(`li[data-id="${id}"] .incident-title a`, (a) => (a as HTMLElement).innerText.trim());
    expect(await title('2015-12-11-vcenter-upgrade-postponed')).toMatch(/^vCenter 6 upgrade postponed/);
    await page.select('#f-lang', 'id');
    expect(await title('2015-12-11-vcenter-upgrade-postponed')).toMatch(/^Upgrade vCenter 6 ditunda/);
    expect(await title('2025-06-14-storage-firmware-maintenance')).toMatch(/^Pembaruan firmware storage utama/);
    // An English-only log keeps its title.
    expect(await title('2024-03-05-payment-api-outage')).toMatch(/^Card payments timing out/);
    await page.close();
  });

  it('is keyboard accessible: labelled controls, a live result count, visible focus', async () => {
    const { page } = await openPage('index.html');
    const unlabelled = await page.$$eval('#filters input, #filters select', (controls) =>
      controls.filter((c) => ((c as HTMLInputElement).labels?.length ?? 0) === 0).map((c) => c.id),
    );
    expect(unlabelled).toEqual([]);
    expect(await page.$eval('#result-count', (el) => el.getAttribute('aria-live'))).toBe('polite');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    let guard = 0;
    while ((await page.evaluate(() => document.activeElement?.id)) !== 'f-q' && guard++ < 30) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('f-q');
    expect(await page.$eval('#f-q', (el) => getComputedStyle(el).outlineStyle)).not.toBe('none');
    await page.keyboard.type('quokka');
    expect(await visibleIds(page)).toEqual(['zz-hostile']);
    await page.close();
  });

  it('opens an incident page whose every link exists on disk', async () => {
    const { page } = await openPage('index.html');
    await Promise.all([page.waitForNavigation(), page.click('li[data-id="2024-03-05-payment-api-outage"] .incident-title a')]);
    expect(page.url()).toBe(url('2024-03-05-payment-api-outage/index.html'));
    expect(await page.$eval('h1', (h) => h.textContent)).toBe('Card payments timing out after payment-api release v4.18.0');
    const hrefs = await page.$$eval('a[href]', (links) => links.map((a) => a.href));
    const local = hrefs.filter((href) => href.startsWith('file:')).map((href) => fileURLToPath(href.split('#')[0] as string));
    expect(local.length).toBeGreaterThan(10);
    for (const file of local) expect(existsSync(file), file).toBe(true);
    const documents = local.map((f) => f.slice(archive.out.length + 1)).filter((f) => f.startsWith('2024-03-05'));
    expect(documents).toEqual(
      expect.arrayContaining([
        '2024-03-05-payment-api-outage/report.en.html',
        '2024-03-05-payment-api-outage/report.en.pdf',
        '2024-03-05-payment-api-outage/notice.en.html',
        '2024-03-05-payment-api-outage/notice.en.txt',
        '2024-03-05-payment-api-outage/notice.eml',
        '2024-03-05-payment-api-outage/lessons.en.pdf',
      ]),
    );
    // No PDF was rendered for the others, so none is linked.
    expect(hrefs.some((h) => h.includes('vcenter') && h.endsWith('.pdf'))).toBe(false);
    await page.close();
  });

  it('sorts open actions by due date without a click, highlights the overdue, and sorts by a column on click', async () => {
    const { page, problems } = await openPage('actions.html');
    const rows = () =>
      page.$$eval('#actions-table tbody tr', (trs) =>
        trs.map((tr) => ({
          due: tr.getAttribute('data-due'),
          owner: tr.getAttribute('data-owner'),
          overdue: tr.classList.contains('overdue'),
        })),
      );
    const initial = await rows();
    const open = archive.logs.flatMap((l) => l.actions.filter((a) => a.status === 'open' || a.status === 'in-progress'));
    expect(initial).toHaveLength(open.length);
    const dues = initial.map((r) => Number(r.due));
    expect(dues).toEqual([...dues].sort((a, b) => a - b));
    // Due before 19 June 2025: overdue; the maintenance's actions are due on 20 June: not yet.
    expect(initial.filter((r) => r.overdue)).toHaveLength(open.filter((a) => a.due && a.due.epoch < Date.parse('2025-06-19')).length);
    expect(initial.at(-1)?.overdue).toBe(false);
    const ownerButton = 'th[data-sort="owner"] button';
    await page.click(ownerButton);
    const byOwner = (await rows()).map((r) => r.owner as string);
    expect(byOwner).toEqual([...byOwner].sort((a, b) => a.localeCompare(b)));
    expect(await page.$eval('th[data-sort="owner"]', (th) => th.getAttribute('aria-sort'))).toBe('ascending');
    expect(await page.$eval('th[data-sort="due"]', (th) => th.getAttribute('aria-sort'))).toBeNull();
    await page.click(ownerButton);
    expect((await rows()).map((r) => r.owner)).toEqual([...byOwner].reverse());
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the lessons grouped by tag and by system, recurring tags open with their count', async () => {
    const { page } = await openPage('lessons.html');
    const chips = await page.$$eval('.chip-list a', (links) => links.map((a) => (a as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
    expect(chips).toEqual(['backup 2']);
    const backup = await page.$eval('details.group-tag[open]', (d) => ({
      name: d.querySelector('.group-name')?.textContent,
      titles: Array.from(d.querySelectorAll('article h3 a')).map((a) => a.textContent),
    }));
    expect(backup.name).toBe('backup');
    expect(backup.titles).toHaveLength(2);
    expect(await page.$$eval('details.group-system', (d) => d.length)).toBeGreaterThan(3);
    await page.close();
  });

  it('runs no script from a log, requests nothing, and breaks no rule of its CSP on any page', async () => {
    const pages = ['index.html', 'actions.html', 'lessons.html', ...archive.logs.map((l) => `${l.id}/index.html`)];
    for (const path of pages) {
      const { page, problems, requests } = await openPage(path);
      expect(problems, path).toEqual([]);
      expect(
        requests.filter((r) => !r.startsWith('file:') && !r.startsWith('data:')),
        path,
      ).toEqual([]);
      await page.close();
    }
    const { page } = await openPage('index.html');
    const hostile = await page.$eval('li[data-id="zz-hostile"] .incident-title', (h) => h.textContent);
    expect(hostile).toContain("</script><script>alert('title')</script> & <b>bold</b> {{constructor}}");
    expect(await page.$$eval('script', (s) => s.length)).toBe(2);
    await page.close();
    expect(dialogs).toEqual([]);
  });

  it('fits a phone screen: no page scrolls sideways at 390 px', async () => {
    for (const path of ['index.html', 'actions.html', 'lessons.html', '2015-12-11-vcenter-upgrade-postponed/index.html']) {
      const { page } = await openPage(path, { width: 390 });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, path).toBeLessThanOrEqual(390);
      await page.close();
    }
  });
});
