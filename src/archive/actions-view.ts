import type { ArchiveAction } from './archive-actions.js';
import type { ArchiveText } from './archive-text.js';

/**
 * The view of `output/actions.html`: the open action items of every log, soonest due first, each
 * with the values the sort script compares (`sort*`), and how many are overdue as of `now`.
 */
export function buildActionsView(actions: readonly ArchiveAction[], text: ArchiveText, now: number, timezone: string) {
  const open = actions.filter((a) => a.open);
  const overdue = open.filter((a) => a.overdue).length;
  const nowText = new Intl.DateTimeFormat(text.locale.intl, { day: 'numeric', month: 'long', year: 'numeric', timeZone: timezone }).format(
    new Date(now),
  );
  return {
    page: 'actions',
    root: '',
    pageTitle: `${text.t('actions.title')} · ${text.t('archive.title')}`,
    lead: text.t('actions.lead', { date: nowText }),
    summary: text.plural('actions.summary', open.length),
    overdue: overdue > 0 ? text.plural('actions.overdue', overdue) : undefined,
    rows: open.map((a, index) => ({
      index,
      dueIso: a.due?.iso,
      dueText: a.dueText,
      // Items without a due date sort after every dated one in ascending order.
      sortDue: a.due ? String(a.due.epoch) : '9e15',
      titleHtml: a.titleHtml,
      lang: a.title.lang,
      sortTitle: a.title.text.toLowerCase(),
      owner: a.owner,
      sortOwner: (a.owner ?? '\uffff').toLowerCase(),
      priorityLabel: a.priorityLabel,
      sortPriority: String(a.priorityRank),
      incidentTitle: a.entry.title.text,
      incidentLang: a.entry.title.lang,
      incidentHref: `${a.entry.log.id}/index.html`,
      sortIncident: a.entry.title.text.toLowerCase(),
      overdue: a.overdue,
      inProgress: a.status === 'in-progress',
      statusLabel: a.statusLabel,
    })),
  };
}
