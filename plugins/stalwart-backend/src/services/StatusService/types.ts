import type { Entity } from '@backstage/catalog-model';
import type { InstanceStatusResponseV1 } from '@stalwart-backstage/plugin-stalwart-common';

/** Builds the status document of a catalog entity that is a Stalwart instance. */
export interface StatusService {
  /**
   * Reads the objects of an entity the caller may see (read from the catalog with the
   * caller's credentials) from the watch cache. Throws `NotFoundError` for entities that
   * are not Stalwart instances.
   */
  getStatus(request: {
    entityRef: string;
    entity: Entity;
  }): Promise<InstanceStatusResponseV1>;
}
