import type { ActionStatus, LogTime } from '../log/types.js';
import { formatTime } from '../model/format-time.js';
import { renderInline } from '../html/markdown.js';
import type { ArchiveEntry } from './archive-entries.js';
import type { ArchiveText } from './archive-text.js';
import { pickText, type PickedText } from './pick-text.js';
import { isClosed, isOverdue } from '../model/is-overdue.js';

/** One action item of one log, worded for the archive. */
export interface ArchiveAction {
  entry: ArchiveEntry;
  title: PickedText;
  /** The title's Markdown (bold, code, links) as safe HTML. */
  titleHtml: string;
  owner?: string;
  due?: LogTime;
  /** The due day in the archive's language, in the log's timezone. */
  dueText?: string;
  status: ActionStatus;
  /** The status in the archive's language (`In progress`, `Won't do`). */
  statusLabel: string;
  /** Still to do: open or in progress. */
  open: boolean;
  priority?: string;
  priorityLabel?: string;
  /** 0 critical … 3 low, 4 for anything else, for sorting. */
  priorityRank: number;
  /** Open and past due at `now`; a due date without a time is due by the end of that day. */
  overdue: boolean;
}

const ranks: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };

/**
 * Every action item of every log, sorted the way a follow-up meeting reads them: by due date
 * (none last), then priority, then the newest incident first.
 */
export function collectActions(entries: readonly ArchiveEntry[], text: ArchiveText, now: number): ArchiveAction[] {
  const actions: ArchiveAction[] = [];
  entries.forEach((entry) => {
    for (const action of entry.log.actions) {
      const title = pickText(action.title, text.lang, entry.primary) ?? { text: '', lang: entry.primary };
      const priority = action.priority?.trim() || undefined;
      const key = priority?.toLowerCase();
      actions.push({
        entry,
        title,
        titleHtml: renderInline(title.text),
        owner: (pickText(action.ownerName, text.lang, entry.primary)?.text ?? action.owner)?.trim() || undefined,
        due: action.due,
        dueText: action.due ? formatTime(action.due, text.locale, entry.log.timezone, 'day') : undefined,
        status: action.status,
        statusLabel: text.t(`action.${action.status}`),
        open: !isClosed(action),
        priority,
        priorityLabel: key ? (text.labels[`priority.${key}`] ?? priority) : undefined,
        priorityRank: key ? (ranks[key] ?? 4) : 5,
        overdue: isOverdue(action, now),
      });
    }
  });
  // Array.prototype.sort is stable, so equal items keep the entries' newest-first order.
  return actions.sort((a, b) => (a.due?.epoch ?? Infinity) - (b.due?.epoch ?? Infinity) || a.priorityRank - b.priorityRank || 0);
}
