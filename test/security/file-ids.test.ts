/**
 * Ids from file names (issue 15, item 7): a log without `id` is filed under its slugified file name.
 * Names in scripts without Latin letters used to all become `incident` and collide; now Cyrillic and
 * Greek are transliterated and anything that cannot be spelled in ASCII adds a short hash of the
 * name, so two different names never share an id. Names Windows reserves for devices (con, nul,
 * aux, prn, com1, lpt1…) cannot be folder names there: they get a suffix, and an explicit `id:`
 * with one is refused.
 */
import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/log/normalize-log.js';
import { loadText, logText } from '../helpers.js';

const idShape = /^[a-z0-9][a-z0-9-]*$/;
const minimal = 'title: Outage\ntype: incident\nstatus: resolved\nseverity: sev2\ndetected: 2024-05-01 10:00';

describe('ids from file names', () => {
  it('keeps Latin names as they were (accents dropped)', () => {
    expect(slugify('2015-12-11-vcenter-upgrade-postponed')).toBe('2015-12-11-vcenter-upgrade-postponed');
    expect(slugify('Ausfall Köln')).toBe('ausfall-koln');
    expect(slugify('2024-05-01 Pemeliharaan  Jaringan!')).toBe('2024-05-01-pemeliharaan-jaringan');
    expect(slugify('outage – database')).toBe('outage-database');
  });

  it('transliterates Cyrillic and Greek, with a hash that keeps them apart from any Latin name', () => {
    const ru = slugify('2024-05-01-сбой-сервера');
    expect(ru).toMatch(/^2024-05-01-sboi-servera-[0-9a-f]{8}$/);
    expect(slugify('Σφάλμα δικτύου')).toMatch(/^sfalma-diktyou-[0-9a-f]{8}$/);
    expect(slugify('Straße')).toBe('strasse');
  });

  it('gives names in other scripts, symbols or nothing spellable distinct ids, never the same "incident"', () => {
    const names = [
      '2024-05-01-服务器故障',
      '2024-05-01-数据库故障',
      'サーバー障害',
      '서버 장애',
      'انقطاع الخدمة',
      'הפסקת שירות',
      'การหยุดให้บริการ',
      'सेवा बाधित',
      '🔥🔥',
      '💧',
      'outage-🔥',
      'outage-💧',
      '---',
      '(((',
    ];
    const ids = names.map(slugify);
    expect(new Set(ids).size).toBe(names.length);
    for (const id of ids) {
      expect(id).toMatch(idShape);
      expect(id.length).toBeLessThanOrEqual(100);
      expect(id).not.toBe('incident');
    }
    expect(slugify('2024-05-01-服务器故障')).toMatch(/^2024-05-01-[0-9a-f]{8}$/);
    expect(slugify('2024-05-01-服务器故障')).toBe(slugify('2024-05-01-服务器故障'));
    expect(slugify('outage-🔥')).toMatch(/^outage-[0-9a-f]{8}$/);
  });

  it('keeps long names within 100 characters, hash included', () => {
    const id = slugify(`${'a'.repeat(150)}-сбой`);
    expect(id.length).toBeLessThanOrEqual(100);
    expect(id).toMatch(/-[0-9a-f]{8}$/);
    expect(slugify('b'.repeat(150))).toBe('b'.repeat(100));
  });

  it('suffixes the device names Windows reserves', () => {
    for (const name of ['con', 'CON', 'nul', 'aux', 'prn', 'com1', 'COM9', 'lpt1', 'lpt9'])
      expect(slugify(name), name).toBe(`${name.toLowerCase()}-log`);
    for (const name of ['console', 'con-2024', 'com10', 'nulls', 'auxiliary']) expect(slugify(name), name).toBe(name);
  });

  it('files logs with non-Latin names under different ids', () => {
    const a = loadText(logText(minimal), '服务器故障.md');
    const b = loadText(logText(minimal), '数据库故障.md');
    expect(a.log?.id).toMatch(/^[0-9a-f]{8}$|^incident-[0-9a-f]{8}$/);
    expect(a.log?.id).not.toBe(b.log?.id);
    expect(loadText(logText(minimal), 'nul.md').log?.id).toBe('nul-log');
  });

  it('refuses an explicit id that Windows reserves, naming it', () => {
    for (const id of ['con', 'nul', 'com1', 'lpt9']) {
      const result = loadText(logText(`id: ${id}\n${minimal}`));
      expect(result.log, id).toBeUndefined();
      const finding = result.findings.find((f) => f.severity === 'error');
      expect(finding?.message, id).toContain(`"${id}"`);
      expect(finding?.message, id).toMatch(/Windows/);
    }
    expect(loadText(logText(`id: console\n${minimal}`)).log?.id).toBe('console');
  });
});
