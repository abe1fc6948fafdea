import type { ActionItem } from '../log/types.js';

const day = 86_400_000;

/**
 * True when an open action is past due at `now`. A due date without a time of day is due by the
 * end of that day, so an action due today is not overdue yet. The documents and the archive share
 * this one rule.
 */
export function isOverdue(action: Pick<ActionItem, 'status' | 'due'>, now: number): boolean {
  if (action.status !== 'open' || !action.due) return false;
  const dueBy = action.due.epoch + (action.due.dateOnly ? day : 0);
  return dueBy <= now;
}
