import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { InstanceStatusResponseV1 } from '@stalwart-backstage/plugin-stalwart-common';

/** Builds the status document of a catalog entity that is a Stalwart instance. */
export interface StatusService {
  /**
   * Reads the entity with the caller's credentials (so the catalog's own permissions apply)
   * and its objects from the watch cache. Throws `NotFoundError` for unknown entities and
   * entities that are not Stalwart instances.
   */
  getStatus(request: {
    entityRef: string;
    credentials: BackstageCredentials;
  }): Promise<InstanceStatusResponseV1>;
}
