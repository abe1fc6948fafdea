import type { ArchiveAction } from './archive-actions.js';
import { csvCell } from './csv-cell.js';

/** The columns of `actions.csv`, in order; documented by their names. */
export const actionsCsvColumns = [
  'incident_id',
  'incident_title',
  'incident_page',
  'action',
  'language',
  'owner',
  'due',
  'status',
  'overdue',
  'priority',
] as const;

/**
 * Every action item as CSV (RFC 4180: CRLF line ends, a header row, quoting where needed) with
 * each cell made formula-safe by {@link csvCell}. `due` is ISO 8601 with the log's offset;
 * `overdue` is `yes` or `no`; `incident_page` is relative to the output folder.
 */
export function actionsCsv(actions: readonly ArchiveAction[]): string {
  const lines = [actionsCsvColumns.join(',')];
  for (const a of actions) {
    lines.push(
      [
        a.entry.log.id,
        a.entry.title.text,
        `${a.entry.log.id}/index.html`,
        a.title.text,
        a.title.lang,
        a.owner,
        a.due?.iso,
        a.status,
        a.overdue ? 'yes' : 'no',
        a.priority,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
