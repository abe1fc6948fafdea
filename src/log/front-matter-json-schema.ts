import { z } from 'zod';
import { changeStatuses, frontMatterShape, incidentStatuses } from './front-matter-schema.js';

/**
 * The JSON Schema of a log's front matter, made from the same zod schema as the validator, with
 * the rule that ties `status` to `type` added, so YAML editors complete and check it.
 */
export function frontMatterJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(frontMatterShape, { unrepresentable: 'any', io: 'input' }) as Record<string, unknown>;
  const properties = schema.properties as Record<string, Record<string, unknown>>;
  properties.status = { type: 'string', enum: [...incidentStatuses, ...changeStatuses], description: 'Depends on type: see allOf.' };
  return {
    ...schema,
    $id: 'https://warta.invalid/schema/incident-log-v1.json',
    title: 'warta incident log front matter (format v1)',
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
