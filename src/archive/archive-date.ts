import type { IncidentLog, LogTime } from '../log/types.js';

/**
 * The time the archive files a log under and sorts it by: when an incident was detected or a
 * change's window started (planned, else actual), else when it was resolved or decided, else when
 * the log was last updated. Undefined for a log with none of these.
 */
export function archiveDate(log: IncidentLog): LogTime | undefined {
  return log.detected ?? log.window?.start ?? log.window?.actualStart ?? log.resolved ?? log.decision?.at ?? log.updated;
}
