/* eslint-disable @typescript-eslint/no-use-before-define -- an object's default and its properties' defaults are defined in terms of each other */
import type { RegistrySchemaV016 } from './types';

/**
 * One registry type's fields as `/api/schema` describes them.
 *
 * @public
 */
export type FieldSchema = RegistrySchemaV016['fields'][string];
type Property = FieldSchema['properties'][string];

// What a v0.16 server returns for a property nobody set (docs/stalwart-api-facts.md "Whole objects",
// S v0.16.18 crates/jmap/src/registry/get.rs, crates/registry/src/jmap/ser.rs,
// crates/registry/src/schema/structs_impl.rs): the schema's default, else the Rust type's
// default: `false`, `0`, `""`, the first enum value, the first variant of a multi-variant
// object (a placeholder such as {"@type":"Disabled"} when that variant has no schemaName),
// a nested object with its own defaults, `null` when nullable, an empty set/map/list.

const answers = new WeakMap<RegistrySchemaV016, Map<string, unknown>>();

/**
 * The field schema behind an object name: its single schema, or the variant `@type` names.
 *
 * @public
 */
export function schemaNameOf(
  schema: RegistrySchemaV016,
  objectName: string,
  variant?: unknown,
): string | undefined {
  const entry = schema.schemas?.[objectName];
  if (!entry) return schema.fields[objectName] ? objectName : undefined;
  if (!entry.variants) return entry.schemaName ?? objectName;
  return entry.variants.find(v => v.name === variant)?.schemaName;
}

/** The default variant of a multi-variant object: its first one (`impl Default` picks it). */
function defaultObject(
  schema: RegistrySchemaV016,
  objectName: string,
): Record<string, unknown> | undefined {
  const entry = schema.schemas?.[objectName];
  const first = entry?.variants?.[0];
  if (first) {
    const body = first.schemaName
      ? completeWith(schema, schema.fields[first.schemaName], {})
      : {};
    return { '@type': first.name, ...body };
  }
  const name = schemaNameOf(schema, objectName);
  return name ? completeWith(schema, schema.fields[name], {}) : undefined;
}

/**
 * The value a property holds when nothing was stored (undefined: null or an empty collection).
 *
 * @public
 */
export function propertyDefault(
  schema: RegistrySchemaV016,
  fields: FieldSchema | undefined,
  name: string,
): unknown {
  if (!fields) return undefined;
  const stated = fields.defaults?.[name];
  const property = fields.properties[name];
  if (stated !== undefined)
    return property?.type?.type === 'object' && isRecord(stated)
      ? completeValue(schema, property, stated)
      : stated;
  const type = property?.type;
  if (!type || type.nullable) return undefined;
  let cache = answers.get(schema);
  if (!cache) answers.set(schema, (cache = new Map()));
  const key = `${type.type}|${type.enumName ?? type.objectName ?? ''}`;
  if (cache.has(key)) return cache.get(key);
  let value: unknown;
  switch (type.type) {
    case 'boolean':
      value = false;
      break;
    case 'number':
      value = 0;
      break;
    case 'string':
      value = '';
      break;
    case 'enum':
      value = type.enumName
        ? schema.enums?.[type.enumName]?.[0]?.name
        : undefined;
      break;
    case 'object':
      value = type.objectName
        ? defaultObject(schema, type.objectName)
        : undefined;
      break;
    default:
      value = undefined; // sets, maps, lists: empty; ids and dates: no usable zero
  }
  cache.set(key, value);
  return value;
}

/** A property's value as the server would return it: nested objects filled with their defaults. */
export function completeValue(
  schema: RegistrySchemaV016,
  property: Property | undefined,
  value: unknown,
): unknown {
  const objectName = property?.type?.objectName;
  if (property?.type?.type !== 'object' || !objectName || !isRecord(value))
    return value;
  const name = schemaNameOf(schema, objectName, value['@type']);
  if (!name) return value; // a placeholder variant: nothing to fill
  return completeWith(schema, schema.fields[name], value);
}

function completeWith(
  schema: RegistrySchemaV016,
  fields: FieldSchema | undefined,
  value: Record<string, unknown>,
): Record<string, unknown> {
  if (!fields) return value;
  const out: Record<string, unknown> = { ...value };
  for (const name of Object.keys(fields.properties)) {
    const current = value[name];
    if (current === undefined || current === null) {
      const fallback = propertyDefault(schema, fields, name);
      if (fallback !== undefined) out[name] = structuredCloneIfObject(fallback);
      else out[name] = emptyOf(fields.properties[name]);
    } else out[name] = completeValue(schema, fields.properties[name], current);
  }
  return out;
}

/**
 * A whole object as `x:<Type>/get` returns it: every property of its (variant's) schema, the
 * stored value or its default.
 *
 * @public
 */
export function completeObject(
  schema: RegistrySchemaV016,
  type: string,
  object: Record<string, unknown>,
): Record<string, unknown> {
  const variants = schema.schemas?.[type]?.variants;
  if (variants && object['@type'] === undefined)
    return { ...defaultObject(schema, type), ...object }; // `Object::from(type)`: the first variant
  const name = schemaNameOf(schema, type, object['@type']);
  return name ? completeWith(schema, schema.fields[name], object) : object;
}

/**
 * The value that resets a property (S v0.16.18 crates/registry/src/jmap/patch.rs: `null` is
 * refused for booleans, numbers and strings and accepted only by nullable properties), or
 * undefined when no value restores it (a required property without default).
 *
 * @public
 */
export function resetValueOf(
  schema: RegistrySchemaV016,
  fields: FieldSchema | undefined,
  name: string,
): { value: unknown } | undefined {
  const fallback = propertyDefault(schema, fields, name);
  if (fallback !== undefined && fallback !== '') return { value: fallback };
  const type = fields?.properties[name]?.type;
  if (!type || type.nullable) return { value: null };
  if (COLLECTIONS.includes(type.type ?? '')) return { value: {} };
  return undefined; // an empty string is refused too: nothing restores a required string
}

const COLLECTIONS = ['set', 'map', 'list', 'objectList'];

/** What ser.rs writes for nothing: `null` for `Option::None`, `{}` for an empty set, map or list. */
const emptyOf = (property: Property | undefined) =>
  COLLECTIONS.includes(property?.type?.type ?? '') ? {} : null;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === 'object' && !Array.isArray(value);

const structuredCloneIfObject = (value: unknown) =>
  value && typeof value === 'object' ? structuredClone(value) : value;
