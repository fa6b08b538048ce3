import { zodToJsonSchema } from 'zod-to-json-schema';
import { instanceSpecSchema } from './instanceSpecSchema';

let cached: Record<string, unknown> | undefined;

/**
 * The JSON Schema (draft-07) of the instance spec, for the scaffolder template form.
 * Flavor-specific rules are not expressible in it; parseInstanceSpec enforces them.
 *
 * @public
 */
export function getInstanceSpecJsonSchema(): Record<string, unknown> {
  cached ??= zodToJsonSchema(instanceSpecSchema, {
    target: 'jsonSchema7',
    $refStrategy: 'none',
  }) as Record<string, unknown>;
  return cached;
}
