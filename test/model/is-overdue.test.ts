import { describe, expect, it } from 'vitest';
import { parseLogTime } from '../../src/log/parse-log-time.js';
import { isClosed, isOverdue } from '../../src/model/is-overdue.js';

const at = (text: string) => parseLogTime(text, 'Asia/Jakarta');

describe('isOverdue', () => {
  it('counts a date-only due date until the end of that day', () => {
    const due = at('2015-12-16');
    expect(isOverdue({ status: 'open', due }, (at('2015-12-16T23:59') as { epoch: number }).epoch)).toBe(false);
    expect(isOverdue({ status: 'open', due }, (at('2015-12-17T00:00') as { epoch: number }).epoch)).toBe(true);
  });
  it('counts a due time to the minute', () => {
    const due = at('2015-12-16T12:00');
    expect(isOverdue({ status: 'open', due }, (at('2015-12-16T11:59') as { epoch: number }).epoch)).toBe(false);
    expect(isOverdue({ status: 'open', due }, (at('2015-12-16T12:00') as { epoch: number }).epoch)).toBe(true);
  });
  it('never marks done actions or actions without a due date', () => {
    expect(isOverdue({ status: 'done', due: at('2000-01-01') }, Date.now())).toBe(false);
    expect(isOverdue({ status: 'open', due: undefined }, Date.now())).toBe(false);
  });
  it('treats done and wont-do as closed, open and in-progress as still to do', () => {
    const due = at('2000-01-01');
    expect(isOverdue({ status: 'wont-do', due }, Date.now())).toBe(false);
    expect(isOverdue({ status: 'in-progress', due }, Date.now())).toBe(true);
    expect(['open', 'in-progress', 'done', 'wont-do'].map((status) => isClosed({ status: status as 'open' }))).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });
});
