import type { InstanceStatusResponseV1 } from '@stalwart-backstage/plugin-stalwart-common';
import type { ResolvedInstance } from '../InstanceResolver/types';

/** Builds the status document of a catalog entity that is a Stalwart instance. */
export interface StatusService {
  /** Reads the instance's objects from the watch cache, in every cluster it runs in. */
  getStatus(instance: ResolvedInstance): Promise<InstanceStatusResponseV1>;
}
