import { KindSchema, kindSchema } from './kindSchemas';
import { ResourceType } from './resourceTypes';
import { KubeStatus, badRequest } from './status';

/** The paths (`spec.foo`) of fields the schema does not declare. */
export function unknownFields(
  value: unknown,
  schema: KindSchema,
  prefix = '',
): string[] {
  if (
    schema['x-kubernetes-preserve-unknown-fields'] ||
    !schema.properties ||
    value === null ||
    typeof value !== 'object' ||
    Array.isArray(value)
  )
    return [];
  return Object.entries(value as Record<string, unknown>).flatMap(
    ([key, inner]) => {
      const path = prefix ? `${prefix}.${key}` : key;
      const declared = schema.properties![key];
      return declared ? unknownFields(inner, declared, path) : [path];
    },
  );
}

export type FieldValidationOutcome =
  | { status: KubeStatus }
  | { warnings: string[] };

/**
 * What kube-apiserver does with `?fieldValidation=`: Strict refuses unknown fields with
 * 400, Warn (the default) answers with `Warning` headers, Ignore drops them silently.
 * Server-side apply words it as the structured-merge diff does.
 */
export function validateFields(
  type: ResourceType,
  body: unknown,
  directive: string | null,
  contentType: string,
): FieldValidationOutcome {
  const mode = directive ?? 'Warn';
  if (mode === 'Ignore' || contentType.includes('json-patch')) {
    return { warnings: [] };
  }
  const unknown = unknownFields(body, kindSchema(type));
  if (unknown.length === 0) return { warnings: [] };
  if (contentType.includes('apply-patch')) {
    const message = unknown
      .map(f => `.${f}: field not declared in schema`)
      .join(', ');
    return mode === 'Strict'
      ? { status: badRequest(message) }
      : { warnings: [message] };
  }
  if (mode === 'Strict') {
    const list = unknown.map(f => `unknown field "${f}"`).join(', ');
    return {
      status: badRequest(
        `${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: strict decoding error: ${list}`,
      ),
    };
  }
  return { warnings: unknown.map(f => `unknown field "${f}"`) };
}
