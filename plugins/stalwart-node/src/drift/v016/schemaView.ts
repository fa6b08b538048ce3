import { type FieldSchema, schemaNameOf } from './schemaDefaults';
import type { RegistrySchemaV016 } from './types';

/** The field schema of an object: its variant's for multi-variant types (`@type`). */
export function fieldSchemaOf(
  schema: RegistrySchemaV016,
  type: string,
  object: Record<string, unknown> | undefined,
): FieldSchema | undefined {
  const name = schemaNameOf(schema, type, object?.['@type']);
  return name ? schema.fields[name] : undefined;
}

export const isSingletonType = (schema: RegistrySchemaV016, type: string) =>
  schema.objects[type]?.type === 'singleton';

const SECRET_NAME = /secret|password|token|privatekey|apikey|credential/i;
const secretFieldAnswers = new WeakMap<FieldSchema, Map<string, boolean>>();

/**
 * Whether a field can hold a secret: `format: secret`, a secret object (`x:SecretText`,
 * `x:SecretKeyOptional`), or a secret-like name.
 */
export function isSecretField(
  fields: FieldSchema | undefined,
  name: string,
): boolean {
  if (!fields) return SECRET_NAME.test(name);
  // A schema's answers never change, and every object of a type asks about the same fields.
  let answers = secretFieldAnswers.get(fields);
  if (!answers) secretFieldAnswers.set(fields, (answers = new Map()));
  let secret = answers.get(name);
  if (secret === undefined) {
    const field = fields.properties[name];
    secret =
      field?.type?.format === 'secret' ||
      /secret/i.test(field?.type?.objectName ?? '') ||
      SECRET_NAME.test(name);
    answers.set(name, secret);
  }
  return secret;
}

/** Fields the server sets itself (`update: serverSet`): never declared, never drift. */
export const isServerSetField = (
  fields: FieldSchema | undefined,
  name: string,
) => fields?.properties[name]?.update === 'serverSet';

// Singletons that are not server configuration (S v0.16.18 crates/jmap/src/registry/get.rs:
// `AccountSettings`/`AccountPassword` are answered per account by `account_get`, `Bootstrap` by
// the first-start wizard; `VacationResponse` is the JMAP mail object, not an `x:` type).
const NOT_CONFIGURATION: Record<string, string> = {
  'x:AccountPassword':
    "Per-account: it holds the calling account's own password, not server settings.",
  'x:AccountSettings':
    "Per-account: it holds the calling account's own preferences, not server settings.",
  'x:Bootstrap':
    'The first-start wizard: written once to seed the registry, not a running setting.',
};

/**
 * Why a registry singleton is not read for drift, or undefined when it is (an `x:` configuration
 * singleton).
 *
 * @public
 */
export function singletonSkipReason(type: string): string | undefined {
  if (!type.startsWith('x:'))
    return 'Not an x: registry type (a JMAP data object such as VacationResponse): the registry API does not serve it.';
  return NOT_CONFIGURATION[type];
}

/**
 * The registry types to read for a plan: the declared types and every `x:` configuration
 * singleton (stalwart-v016.md §5); `skipped` lists the other singletons with the reason.
 *
 * @public
 */
export function registryTypesToRead(
  schema: RegistrySchemaV016,
  declaredTypes: Iterable<string>,
  options?: RegistryReadOptions,
): string[] {
  return registryTypesPlan(schema, declaredTypes, options).read;
}

/**
 * What the declared side holds besides the plan.
 *
 * @public
 */
export interface RegistryReadOptions {
  /**
   * Whether the chart's config.json was read. It alone declares `x:DataStore` (the server boots
   * from it, shared/docs/stalwart-v016.md), so without it the live store has nothing to be
   * compared with: a chart keeping config.json in a Secret would otherwise show its store as
   * set by someone.
   */
  configJsonRead?: boolean;
}

const DATA_STORE_UNDECLARED =
  "Declared by the chart's config.json, which was not read, so there is nothing to compare it with.";

/** @public */
export function registryTypesPlan(
  schema: RegistrySchemaV016,
  declaredTypes: Iterable<string>,
  options: RegistryReadOptions = { configJsonRead: true },
): { read: string[]; skipped: Array<{ type: string; reason: string }> } {
  const singletons = Object.keys(schema.objects).filter(t =>
    isSingletonType(schema, t),
  );
  const skipped = singletons
    .map(type => ({
      type,
      reason:
        singletonSkipReason(type) ??
        (type === 'x:DataStore' && options.configJsonRead === false
          ? DATA_STORE_UNDECLARED
          : undefined),
    }))
    .filter((s): s is { type: string; reason: string } => !!s.reason);
  const skippedTypes = new Set(skipped.map(s => s.type));
  const read = [
    ...new Set([
      ...declaredTypes,
      ...singletons.filter(t => !skippedTypes.has(t)),
    ]),
  ].sort();
  return { read, skipped };
}
