/**
 * Front matter is YAML 1.2 with the core schema only. The YAML library also resolves the YAML 1.1
 * tags `!!binary`, `!!timestamp`, `!!set`, `!!omap` and `!!pairs` by default, which turned a
 * `!!binary` title into a Buffer and a `!!set` into an empty map ("found a map"): each is refused
 * with a finding that names the tag and its line, like any custom `!tag`.
 */
import { describe, expect, it } from 'vitest';
import { loadText } from '../helpers.js';

const head = 'title: T\ntype: change\nstatus: completed';

describe('YAML tags outside the core schema are refused', () => {
  it.each([
    ['organization: !!binary aGVsbG8=', '!!binary'],
    ['organization: !<tag:yaml.org,2002:binary> aGVsbG8=', '!!binary'],
    ['updated: !!timestamp 2024-01-01', '!!timestamp'],
    ['tags: !!set { a, b }', '!!set'],
    ['contacts: !!omap [ { a: 1 } ]', '!!omap'],
    ['contacts: !!pairs [ { a: 1 } ]', '!!pairs'],
    ['organization: !custom value', '!custom'],
    ['approvers:\n  - !!binary |\n    aGVsbG8=', '!!binary'],
  ])('%j', (yaml, tag) => {
    const { log, findings } = loadText(`---\n${head}\n${yaml}\n---\n`);
    expect(log).toBeUndefined();
    expect(findings).toHaveLength(1);
    const [finding] = findings;
    expect(finding).toMatchObject({ rule: 'yaml/tag', severity: 'error', line: yaml.includes('\n') ? 6 : 5 });
    expect(finding?.message).toContain(`tag ${tag}`);
    expect(finding?.message).toMatch(/expected plain YAML values without tags/);
  });

  it('core-schema values without tags still read', () => {
    const { log, findings } = loadText(`---\n${head}\norganization: PT Contoh\ntags: [a, 1]\n---\n`);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(log?.organization).toBe('PT Contoh');
  });
});
