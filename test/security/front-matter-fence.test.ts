/**
 * The lines that open and close the front matter may end in spaces or tabs (editors leave them):
 * `---  ` opens it like `---`. It was refused with the misleading "a line inside the front matter
 * starts with ---". A line that merely starts with `---` inside the front matter is still refused.
 */
import { describe, expect, it } from 'vitest';
import { loadText } from '../helpers.js';

const keys = 'title: T\ntype: change\nstatus: completed';

describe('front-matter fences with trailing blanks', () => {
  it.each([
    ['opening', `---  \n${keys}\n---\n\n## Summary\n\nOk.\n`],
    ['opening with a tab', `---\t\n${keys}\n---\n\n## Summary\n\nOk.\n`],
    ['closing', `---\n${keys}\n---   \n\n## Summary\n\nOk.\n`],
    ['both', `--- \t\n${keys}\n--- \n\n## Summary\n\nOk.\n`],
    ['a named language with blanks around it', `--- yaml \n${keys}\n---\n\n## Summary\n\nOk.\n`],
  ])('%s', (_, text) => {
    const { log, findings } = loadText(text);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(log?.title).toEqual({ en: 'T' });
    // Line numbers still match the file: the summary heading is on line 7.
    expect(log?.sections.summary?.text.en?.line).toBe(7);
  });

  it('still refuses a line inside the front matter that starts with ---', () => {
    const { log, findings } = loadText(`---  \n${keys}\n---x: 1\nmore: 2\n---\n`);
    expect(log).toBeUndefined();
    expect(findings[0]).toMatchObject({ rule: 'front-matter/delimiter', line: 5 });
  });
});
