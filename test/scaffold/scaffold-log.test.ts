import { describe, expect, it } from 'vitest';
import { scaffoldLog } from '../../src/scaffold/scaffold-log.js';
import { loadText, locales } from '../helpers.js';

/** A scaffold with every commented example key uncommented, as an author who fills in everything would. */
function uncommented(text: string): string {
  const [, frontMatter = '', body = ''] = text.split(/^---$/m);
  const open = frontMatter
    .split('\n')
    .map((line) => (/^# ( *[a-z_$]+:| *- )/.test(line) ? line.slice(2) : line))
    .join('\n');
  return `---${open}---${body}`;
}

describe('warta new: format v1.1', () => {
  it.each(['incident', 'change'] as const)('shows the v1.1 keys of a %s, and validates with all of them filled in', (type) => {
    const text = scaffoldLog({ type, languages: ['id', 'en'], title: 'Uji', timezone: 'Asia/Jakarta', date: '2025-01-02', locales });
    for (const key of ['decisions:', 'figures:', 'type: prevent', 'link: JIRA-123', 'in-progress · done · wont-do'])
      expect(text, key).toContain(key);
    if (type === 'incident')
      for (const key of ['# started:', '# mitigated:', '# commander:', '# responders:', '# postmortem_owner:']) expect(text).toContain(key);
    else expect(text).not.toContain('commander:');
    expect(text).toContain('## Pemicu');
    expect(text).toContain('## Trigger');
    const result = loadText(uncommented(text), `2025-01-02-${type}.md`);
    expect(result.findings).toEqual([]);
    const log = result.log!;
    expect(log.decisions).toHaveLength(2);
    expect(log.impact?.figures?.[0]).toMatchObject({ value: 18400 });
    expect(log.actions[0]).toMatchObject({ type: 'prevent', link: 'JIRA-123', status: 'open' });
    if (type === 'incident') {
      expect(log.started?.iso).toBe('2025-01-02T08:50:00.000+07:00');
      expect(log.commander).toEqual({ id: 'Who led the response' });
    }
  });
});
