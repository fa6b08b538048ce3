import type { RegistrySchemaV016 } from './types';

type FieldSchema = RegistrySchemaV016['fields'][string];

/** The field schema of an object: its variant's for multi-variant types (`@type`). */
export function fieldSchemaOf(
  schema: RegistrySchemaV016,
  type: string,
  object: Record<string, unknown> | undefined,
): FieldSchema | undefined {
  const variants = schema.schemas?.[type]?.variants;
  if (!variants) return schema.fields[type];
  const variant = variants.find(v => v.name === object?.['@type']);
  return variant ? schema.fields[variant.schemaName] : undefined;
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

/**
 * The registry types to read for a plan: the declared types and every singleton (stalwart-v016.md §5).
 *
 * @public
 */
export function registryTypesToRead(
  schema: RegistrySchemaV016,
  declaredTypes: Iterable<string>,
): string[] {
  const singletons = Object.keys(schema.objects).filter(t =>
    isSingletonType(schema, t),
  );
  return [...new Set([...declaredTypes, ...singletons])].sort();
}
