import type {
  DriftClass,
  DriftExplanationId,
} from '@stalwart-backstage/plugin-stalwart-common';
import { safeValue, type SafeValue } from '../masking';
import { canonicalJson } from './canonical';
import { completeValue, propertyDefault, resetValueOf } from './schemaDefaults';
import { fieldSchemaOf, isSecretField, isServerSetField } from './schemaView';
import type { RegistrySchemaV016 } from './types';

const MASKED = '"****"';

/** The outcome for one field of one object. */
export interface FieldOutcome {
  field: string;
  class: DriftClass;
  explanation: DriftExplanationId;
  declared?: SafeValue;
  live?: SafeValue;
  /** The value that restores it (`null` only where the property is nullable), absent when no safe fix exists. */
  restore?: { value: unknown };
}

const isReference = (value: unknown) => {
  const type = (value as Record<string, unknown> | undefined)?.['@type'];
  return type === 'EnvironmentVariable' || type === 'File';
};

function safeJson(
  secret: boolean,
  value: unknown,
  json = canonicalJson(value),
): SafeValue | undefined {
  if (json === undefined) return undefined;
  // References name where a secret lives (stalwart-v016.md §1 "Secrets"): shown and diffed.
  if (secret && isReference(value))
    return { text: json, digest: `=${json}`, masked: false };
  return safeValue(secret, json);
}

/**
 * Compares one object field by field (stalwart-v016.md §5): `serverSet` fields dropped, null
 * == absent, absent == the property's default, `"****"` = a literal secret the server will not
 * show. The server returns whole objects (docs/stalwart-api-facts.md "Whole objects"), so a
 * default is the schema's or the type's zero value or placeholder variant (`schemaDefaults.ts`),
 * and nested objects compare completed with their defaults on both sides.
 * `declared` undefined: the object is declared nowhere (an undeclared singleton).
 * `onlyDeclared`: compare just the declared fields (an `update` patch on a known id).
 */
export function compareFields(
  schema: RegistrySchemaV016,
  type: string,
  declared: Record<string, unknown> | undefined,
  live: Record<string, unknown>,
  changedExplanation: DriftExplanationId,
  onlyDeclared = false,
): FieldOutcome[] {
  const fields = fieldSchemaOf(schema, type, live ?? declared);
  const names = onlyDeclared ? [] : Object.keys(live);
  if (declared) for (const name of Object.keys(declared)) names.push(name);
  if (fields && !onlyDeclared)
    for (const name of Object.keys(fields.properties)) names.push(name);
  names.sort();
  const outcomes: FieldOutcome[] = [];
  for (let i = 0; i < names.length; i++) {
    const field = names[i];
    if (field === names[i - 1]) continue; // sorted: a name in several sources comes in a row
    if (field === 'id' || isServerSetField(fields, field)) continue;
    const property = fields?.properties[field];
    // `@type` of a multi-variant object defaults to its first variant (`impl Default`).
    const fallback =
      field === '@type'
        ? schema.schemas?.[type]?.variants?.[0]?.name
        : propertyDefault(schema, fields, field);
    const secret = isSecretField(fields, field);
    const declaredValue = declared?.[field];
    const isDeclared = declaredValue !== undefined && declaredValue !== null;
    const expected = isDeclared
      ? completeValue(schema, property, declaredValue)
      : fallback;
    const liveRaw = live[field];
    const liveValue =
      liveRaw === undefined || liveRaw === null
        ? fallback
        : completeValue(schema, property, liveRaw);
    const expectedJson = canonicalJson(expected);
    const liveJson = canonicalJson(liveValue);
    if (!isDeclared && expectedJson === undefined) {
      // Declared nowhere and no default: whatever is set was set in the registry.
      if (liveJson !== undefined)
        outcomes.push(
          outcomeOf(
            field,
            'database-only-user',
            'database-only',
            undefined,
            safeJson(secret, liveValue, liveJson),
            resetValueOf(schema, fields, field),
          ),
        );
      continue;
    }
    const declaredSafe = safeJson(secret, expected, expectedJson);
    // Equal JSON sanitises equally: most fields are in sync, so this halves the masking work.
    const liveSafe =
      liveJson === expectedJson
        ? declaredSafe
        : safeJson(secret, liveValue, liveJson);
    const secretHidden = liveJson?.includes(MASKED) && !isReference(expected);
    if (liveJson === expectedJson || (secret && secretHidden)) {
      if (!isDeclared) continue; // a default left alone says nothing
      outcomes.push(
        outcomeOf(
          field,
          'in-sync',
          liveJson === expectedJson ? 'matches-git' : 'secret-not-comparable',
          declaredSafe,
          liveSafe,
        ),
      );
      continue;
    }
    const declaredObject = declared !== undefined;
    const restorable = !(secret && !isReference(expected) && expectedJson);
    const restore = isDeclared
      ? { value: expected }
      : resetValueOf(schema, fields, field);
    outcomes.push(
      outcomeOf(
        field,
        declaredObject ? 'changed-live' : 'database-only-user',
        declaredObject ? changedExplanation : 'database-only',
        declaredSafe,
        liveSafe,
        restorable ? restore : undefined,
      ),
    );
  }
  return outcomes;
}

// One literal of fixed shape per field: spreads cost a temporary object each.
function outcomeOf(
  field: string,
  cls: DriftClass,
  explanation: DriftExplanationId,
  declared: SafeValue | undefined,
  live: SafeValue | undefined,
  restore?: { value: unknown },
): FieldOutcome {
  return { field, class: cls, explanation, declared, live, restore };
}

/** A whole object as one value: secret fields other than references left out. */
export function safeObject(
  schema: RegistrySchemaV016,
  type: string,
  object: Record<string, unknown>,
): SafeValue | undefined {
  const fields = fieldSchemaOf(schema, type, object);
  let withheld = false;
  const shown: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(object)) {
    if (name === 'id' || isServerSetField(fields, name)) continue;
    if (isSecretField(fields, name) && !isReference(value)) withheld = true;
    else shown[name] = value;
  }
  const json = canonicalJson(shown) ?? '{}';
  const value = safeValue(false, json);
  return { ...value, masked: value.masked || withheld };
}
