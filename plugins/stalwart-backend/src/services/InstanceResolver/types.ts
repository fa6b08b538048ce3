import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { ResourcePermission } from '@backstage/plugin-permission-common';
import type { InstanceLocation } from './instanceFromEntity';

/** A Stalwart instance the caller may act on: its catalog entity and where its release runs. */
export interface ResolvedInstance {
  entityRef: string;
  entity: Entity;
  location: InstanceLocation;
}

export interface InstanceResolveRequest {
  entityRef: string;
  credentials: BackstageCredentials;
  permission: ResourcePermission<'catalog-entity'>;
  /** What a refused caller is told. */
  deniedMessage: string;
  /**
   * Writes ask the permission framework afresh, so a revoked grant stops them at once; reads
   * may use the answers the entity access cache keeps for a few seconds.
   */
  fresh?: boolean;
}

/**
 * The one way every route and AI action finds an instance: the permission decided as the
 * caller, the entity as the catalog shows it to the caller, and the release's location.
 */
export interface InstanceResolver {
  /** Throws `NotAllowedError` when refused, `NotFoundError` for no entity or no Stalwart release. */
  resolve(request: InstanceResolveRequest): Promise<ResolvedInstance>;
}
