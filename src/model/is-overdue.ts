import type { ActionItem } from '../log/types.js';

const day = 86_400_000;

/** True when an action is closed: done, or decided against (`wont-do`). Open and in-progress actions are still to do. */
export function isClosed(action: Pick<ActionItem, 'status'>): boolean {
  return action.status === 'done' || action.status === 'wont-do';
}

/**
 * True when an action still to do (open or in progress) is past due at `now`. A due date without
 * a time of day is due by the end of that day, so an action due today is not overdue yet. The
 * documents and the archive share this one rule.
 */
export function isOverdue(action: Pick<ActionItem, 'status' | 'due'>, now: number): boolean {
  if (isClosed(action) || !action.due) return false;
  const dueBy = action.due.epoch + (action.due.dateOnly ? day : 0);
  return dueBy <= now;
}
