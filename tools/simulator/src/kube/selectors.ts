import {
  parseSelectorRequirements,
  requirementMatches,
} from './labelSelectorGrammar';

export type ObjectPredicate = (object: any) => boolean;

/**
 * `labelSelector` as kube-apiserver evaluates it (=, ==, !=, in, notin, exists, !exists, >, <),
 * with the simulator's own grammar. Throws on bad syntax.
 */
export function parseLabelSelector(selector: string | null): ObjectPredicate {
  const requirements = parseSelectorRequirements(selector ?? '');
  return object =>
    requirements.every(r =>
      requirementMatches(r, object?.metadata?.labels ?? {}),
    );
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
  const checks = selector
    .split(',')
    .map(part => part.trim())
    .filter(Boolean)
    .map(part => {
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
