import {
  parseLabelSelector as parseCommonLabelSelector,
  splitRequirements,
} from '@stalwart-backstage/plugin-stalwart-common';

export type ObjectPredicate = (object: any) => boolean;

/** `labelSelector` with =, ==, !=, in, notin, exists and !exists. Throws on bad syntax. */
export function parseLabelSelector(selector: string | null): ObjectPredicate {
  return parseCommonLabelSelector(selector);
}

const SUPPORTED_FIELDS: Record<string, (o: any) => string | undefined> = {
  'metadata.name': o => o.metadata?.name,
  'metadata.namespace': o => o.metadata?.namespace,
};

/**
 * `fieldSelector` on `metadata.name` and `metadata.namespace` (=, ==, !=), the fields
 * every kind supports. Throws with the apiserver's message for other fields.
 */
export function parseFieldSelector(selector: string | null): ObjectPredicate {
  if (!selector) return () => true;
  const checks = splitRequirements(selector).map(part => {
    const m = part.match(/^([^!=]+)\s*(==|=|!=)\s*(.*)$/);
    if (!m)
      throw new Error(
        `invalid selector: '${selector}'; can't understand '${part}'`,
      );
    const field = m[1].trim();
    const read = SUPPORTED_FIELDS[field];
    if (!read) {
      throw new Error(
        `"${field}" is not a known field selector: only "metadata.name", "metadata.namespace"`,
      );
    }
    const negate = m[2] === '!=';
    return (o: any) => (read(o) === m[3]) !== negate;
  });
  return object => checks.every(check => check(object));
}
