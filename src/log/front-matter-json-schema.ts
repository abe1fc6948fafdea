import { z } from 'zod';
import { changeStatuses, frontMatterShape, incidentStatuses, timePaths } from './front-matter-schema.js';

/**
 * The JSON Schema of a log's front matter, made from the same zod schema as the validator, with
 * the rule that ties `status` to `type` added, so YAML editors complete and check it.
 */
export function frontMatterJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(frontMatterShape, { unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  const properties = schema.properties as Record<string, Record<string, unknown>>;
  addTimePatterns(properties);
  properties.status = { type: 'string', enum: [...incidentStatuses, ...changeStatuses], description: 'Depends on type: see allOf.' };
  return {
    ...schema,
    $id: 'https://warta.invalid/schema/incident-log-v1.json',
    title: 'warta incident log front matter (format v1.1)',
    required: ['title', 'type', 'status'],
    allOf: [
      { if: { properties: { type: { const: 'incident' } } }, then: { properties: { status: { enum: [...incidentStatuses] } } } },
      {
        if: { properties: { type: { enum: ['change', 'maintenance'] } } },
        then: { properties: { status: { enum: [...changeStatuses] } } },
      },
    ],
  };
}

/**
 * Every time starts with a date that can exist (`2015-12-11`, a month 01–12, a day 01–31); what
 * follows (clock, AM/PM, zone) is checked by `warta validate`, which knows the log's timezone.
 */
const timeStart = '^\\s*[~±]?\\s*(?:ca\\.?\\s*|circa\\s+|approx\\.?\\s*)?\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])(?![0-9])';

/** Puts {@link timeStart} on every time property of the JSON Schema. */
function addTimePatterns(properties: Record<string, Record<string, unknown>>): void {
  for (const path of timePaths) {
    let node: Record<string, unknown> | undefined = { properties };
    for (const step of path) {
      if (!node) break;
      if (step === '*') node = (node.items as Record<string, unknown> | undefined) ?? undefined;
      else {
        // A key that also takes another form (`rescheduled: none`) keeps its map among anyOf.
        const map: Record<string, unknown> | undefined = Array.isArray(node.anyOf)
          ? (node.anyOf as Record<string, unknown>[]).find((option) => option.properties)
          : node;
        node = (map?.properties as Record<string, Record<string, unknown>> | undefined)?.[step];
      }
    }
    if (node?.type === 'string') node.pattern = timeStart;
    else if (node && Array.isArray(node.anyOf))
      for (const option of node.anyOf as Record<string, unknown>[])
        if (option.type === 'string' && !option.pattern) option.pattern = timeStart;
  }
}
