import { Entity, stringifyEntityRef } from '@backstage/catalog-model';

/**
 * The shared cache's key of one kind of query about an entity, given the entity or its ref.
 * Refs compare without case; `toLowerCase` is Unicode's default lower-casing, which is en-US's,
 * at a tenth of `toLocaleLowerCase('en-US')`'s cost over a fleet of thousands.
 */
export function entityQueryKey(kind: string, entity: Entity | string): string {
  const ref = typeof entity === 'string' ? entity : stringifyEntityRef(entity);
  return `${kind}:${ref.toLowerCase()}`;
}
