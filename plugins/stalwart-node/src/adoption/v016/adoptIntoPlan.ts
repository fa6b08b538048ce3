import type { DriftItemV1 } from '@stalwart-backstage/plugin-stalwart-common';
import {
  parseSettingsPlan,
  parseSettingsPlanOperations,
  planTypeName,
} from '@stalwart-backstage/plugin-stalwart-charts';
import { fieldSchemaOf, isSecretField } from '../../drift/v016/schemaView';
import type { RegistrySchemaV016 } from '../../drift/v016/types';
import { assertNoSecret } from '../secretGuard';
import { AdoptionRefused, type AdoptionRefusal } from '../types';
import { setAtPointer } from './fieldPointer';
import { PlanLines, planObjectName } from './planLines';

/**
 * What the plan edit needs to know of the registry; without a schema, names decide.
 *
 * @public
 */
export interface PlanAdoptionInput {
  plan: string;
  items: DriftItemV1[];
  schema?: RegistrySchemaV016;
}

const liveValueOf = (item: DriftItemV1): unknown =>
  item.live === undefined ? undefined : JSON.parse(item.live);

function adoptOne(
  lines: PlanLines,
  item: DriftItemV1,
  schema: RegistrySchemaV016 | undefined,
) {
  const ref = item.object;
  if (!ref) throw new AdoptionRefused(`${item.id} is not a registry item`);
  const where = ref.field ? `${ref.type} field ${ref.field}` : ref.type;
  if (item.masked)
    throw new AdoptionRefused(
      `${item.id}: the live value is withheld as a secret, so it can only be adopted as a reference (EnvironmentVariable or File); set the reference in the plan by hand`,
    );
  if (ref.type === 'x:DataStore')
    throw new AdoptionRefused(
      `${item.id}: x:DataStore is declared by the chart's config.json (read at boot), not by the settings plan`,
    );
  const live = liveValueOf(item);
  const fields = schema && fieldSchemaOf(schema, ref.type, undefined);
  const secretField = (name: string) => isSecretField(fields, name);
  assertNoSecret(where, live, secretField, ref.field?.split('/').pop());
  const singleton = ref.id === 'singleton';
  const label = schema?.lists?.[ref.type]?.labelProperty;

  if (singleton) {
    if (!ref.field) throw new AdoptionRefused(`${item.id} names no field`);
    const index = lines.findSingleton(ref.type);
    if (index === undefined) {
      const value = {};
      setAtPointer(value, ref.field, live);
      lines.append({
        '@type': 'update',
        object: planObjectName(ref.type),
        value,
      });
      return;
    }
    const op = lines.operation(index);
    op.value ??= {};
    setAtPointer(op.value, ref.field, live);
    lines.replace(index, op);
    return;
  }

  const naturalKey = ref.naturalKey ?? '';
  const entry = lines.findEntry(ref.type, naturalKey, label);
  if (item.class === 'missing-live') {
    if (!entry || ref.field)
      throw new AdoptionRefused(
        `${item.id}: the plan declares no ${ref.type} "${naturalKey}" to remove`,
      );
    const op = lines.operation(entry.index);
    delete op.value[entry.cid];
    lines.replace(entry.index, Object.keys(op.value).length ? op : undefined);
    return;
  }
  if (ref.field) {
    if (!entry)
      throw new AdoptionRefused(
        `${item.id}: the plan declares no ${ref.type} "${naturalKey}" to change`,
      );
    const op = lines.operation(entry.index);
    setAtPointer(op.value[entry.cid], ref.field, live);
    lines.replace(entry.index, op);
    return;
  }
  if (item.class !== 'database-only-user' || live === undefined)
    throw new AdoptionRefused(
      `${item.id}: the plan destroys this ${ref.type}; keeping it means removing the destroy operation, whose filter may match other objects, by hand`,
    );
  const index = lines.findUpsert(ref.type);
  const matchOn = [label ?? 'name'];
  if (index === undefined) {
    lines.append({
      '@type': 'upsert',
      object: planObjectName(ref.type),
      matchOn,
      value: { [naturalKey]: live },
    });
    return;
  }
  const op = lines.operation(index);
  if (op.value[naturalKey] !== undefined)
    throw new AdoptionRefused(
      `${item.id}: the plan already uses the client id "${naturalKey}" for another ${ref.type}`,
    );
  op.value[naturalKey] = live;
  lines.replace(index, op);
}

/**
 * Rewrites a v0.16 settings plan so that git declares the live value of each item
 * (stalwart-v016.md §2): a field set on its singleton `update` or on the object in its type's
 * `upsert`, an object only in the registry added to the `upsert`, an object missing live removed.
 * Items that cannot be adopted are refused with the reason; the others still apply.
 *
 * @public
 */
export function adoptIntoPlan(input: PlanAdoptionInput): {
  plan: string;
  adopted: string[];
  refused: AdoptionRefusal[];
} {
  // Validates the whole plan first: the edit below trusts its shape.
  parseSettingsPlan(
    input.plan,
    type => input.schema?.lists?.[type]?.labelProperty,
    isSingletonIn(input),
  );
  const lines = PlanLines.parse(input.plan);
  const adopted: string[] = [];
  const refused: AdoptionRefusal[] = [];
  for (const item of input.items) {
    try {
      adoptOne(lines, item, input.schema);
      adopted.push(item.id);
    } catch (error) {
      if (!(error instanceof AdoptionRefused)) throw error;
      refused.push({ itemId: item.id, reason: error.message });
    }
  }
  return {
    plan: adopted.length ? lines.toString() : input.plan,
    adopted,
    refused,
  };
}

/**
 * Which types are singletons: the schema says so when there is one; without it (the CLI reads a
 * report, not the registry) a type the plan only ever updates is one, as `stalwart-cli apply`
 * takes an update without an `id` to be a singleton's.
 */
function isSingletonIn(input: {
  plan: string;
  schema?: RegistrySchemaV016;
}): (type: string) => boolean {
  const { schema } = input;
  if (schema) return type => schema.objects?.[type]?.type === 'singleton';
  const collections = new Set(
    parseSettingsPlanOperations(input.plan)
      .filter(op => op['@type'] !== 'update' || 'id' in op)
      .map(op => planTypeName(op.object)),
  );
  return type => !collections.has(type);
}
