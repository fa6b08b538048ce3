import { fieldsOf } from './registrySchema';

export const MASKED_PASSWORD = '****';

/**
 * What `x:<Type>/get` returns for secrets: literal values become `"****"`, while
 * environment-variable and file references come back in full
 * (../shared/docs/stalwart-v016.md §1 "Secrets", S schema/prelude.rs MASKED_PASSWORD).
 */
export function maskSecrets(type: string, object: any): any {
  const fields = fieldsOf(type, object)?.properties ?? {};
  const walk = (value: any): any => {
    if (Array.isArray(value)) return value.map(walk);
    if (!value || typeof value !== 'object') return value;
    const out: any = {};
    for (const [key, inner] of Object.entries(value)) {
      const literalSecret =
        key === 'secret' &&
        (value['@type'] === 'Value' || value['@type'] === 'Text');
      out[key] = literalSecret ? MASKED_PASSWORD : walk(inner);
    }
    return out;
  };
  const masked = walk(object);
  for (const [name, field] of Object.entries(fields)) {
    if (field.type?.format === 'secret' && masked[name] !== undefined)
      masked[name] = MASKED_PASSWORD;
  }
  return masked;
}
