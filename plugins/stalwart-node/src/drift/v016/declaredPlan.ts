import { parseSettingsPlan } from '@stalwart-backstage/plugin-stalwart-charts';
import { isSingletonType } from './schemaView';
import type { DeclaredObject, RegistrySchemaV016 } from './types';

// The plan changes only with git, and the backend keeps one schema object per schema hash: a
// repeated read reuses the plan's parse. Keyed by the text, so a changed plan is parsed anew.
const parsedBySchema = new WeakMap<
  RegistrySchemaV016,
  Map<string, readonly DeclaredObject[]>
>();
const MAX_PLANS_PER_SCHEMA = 16;

/**
 * The plan's declared objects (`parseSettingsPlan` with the schema's natural keys), shared
 * between reads: callers must not change them. Throws the parser's `InputError` (never cached).
 */
export function declaredObjectsOf(
  plan: string,
  schema: RegistrySchemaV016,
): readonly DeclaredObject[] {
  let plans = parsedBySchema.get(schema);
  if (!plans) parsedBySchema.set(schema, (plans = new Map()));
  let declared = plans.get(plan);
  if (!declared) {
    declared = parseSettingsPlan(
      plan,
      type => schema.lists?.[type]?.labelProperty,
      type => isSingletonType(schema, type),
    );
    if (plans.size >= MAX_PLANS_PER_SCHEMA)
      plans.delete(plans.keys().next().value!);
    plans.set(plan, declared);
  }
  return declared;
}
