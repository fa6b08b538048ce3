import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { ResourcePermission } from '@backstage/plugin-permission-common';

/** What the caller may see of one catalog entity. */
export type EntityAccess =
  | { allowed: false }
  /** `entity` is missing when the catalog does not show the caller this entity. */
  | { allowed: true; entity?: Entity };

/**
 * Asks, as the caller, whether a permission on an entity is granted and, if so, what the
 * catalog holds for it.
 */
export interface EntityAccessService {
  read(request: {
    credentials: BackstageCredentials;
    permission: ResourcePermission<'catalog-entity'>;
    entityRef: string;
  }): Promise<EntityAccess>;
}
