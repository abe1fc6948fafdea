import type { IncidentLog } from '../log/types.js';

/** How long each phase of an incident took, in milliseconds; a value is left out when the log lacks one of its times. */
export interface PhaseDurations {
  /** From the start of the impact to its detection: `detected − started`. */
  toDetectMs?: number;
  /** From the start of the impact (else its detection) to its mitigation: `mitigated − (started ?? detected)`. */
  toMitigateMs?: number;
  /** From the start of the impact (else its detection) to the resolution: `resolved − (started ?? detected)`. */
  toResolveMs?: number;
}

/**
 * Time to detect, to mitigate and to resolve, as docs/incident-format.md defines them. The
 * documents and `incidents.json` share this one rule.
 */
export function phaseDurations(log: Pick<IncidentLog, 'started' | 'detected' | 'mitigated' | 'resolved'>): PhaseDurations {
  const from = log.started ?? log.detected;
  const since = (end: number | undefined, start: number | undefined) =>
    end !== undefined && start !== undefined ? end - start : undefined;
  const durations: PhaseDurations = {};
  const toDetect = since(log.detected?.epoch, log.started?.epoch);
  const toMitigate = since(log.mitigated?.epoch, from?.epoch);
  const toResolve = since(log.resolved?.epoch, from?.epoch);
  if (toDetect !== undefined) durations.toDetectMs = toDetect;
  if (toMitigate !== undefined) durations.toMitigateMs = toMitigate;
  if (toResolve !== undefined) durations.toResolveMs = toResolve;
  return durations;
}
