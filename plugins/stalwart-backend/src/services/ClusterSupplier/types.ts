import type { ClusterConfig, UnsupportedCluster } from '../../config/types';

/** What one cluster locator found: the clusters it can use and the ones it cannot, with why. */
export interface SuppliedClusters {
  clusters: ClusterConfig[];
  unsupportedClusters: UnsupportedCluster[];
}

/**
 * One entry of `kubernetes.clusterLocatorMethods` whose clusters change while the backend runs
 * (`catalog`, `gke`), read the way the core Kubernetes plugin reads it and asked again on every
 * refresh. The fixed entries (`config`, `localKubectlProxy`) are read once, by `readClusters`.
 */
export interface ClusterSupplier {
  /** The locator type, e.g. `catalog`, for logs and reasons. */
  readonly locator: string;
  getClusters(): Promise<SuppliedClusters>;
}

/** Sorts a locator's read clusters into the usable ones and the ones named with a reason. */
export function suppliedClusters(
  read: Array<ClusterConfig | UnsupportedCluster>,
): SuppliedClusters {
  return {
    clusters: read.filter((c): c is ClusterConfig => !('reason' in c)),
    unsupportedClusters: read.filter(
      (c): c is UnsupportedCluster => 'reason' in c,
    ),
  };
}
