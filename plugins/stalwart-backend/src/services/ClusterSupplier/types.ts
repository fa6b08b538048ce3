import type { ClusterConfig, UnsupportedCluster } from '../../config/types';

/** What one cluster locator found: the clusters it can use and the ones it cannot, with why. */
export interface SuppliedClusters {
  clusters: ClusterConfig[];
  unsupportedClusters: UnsupportedCluster[];
}

/**
 * One entry of `kubernetes.clusterLocatorMethods`, read the way the core Kubernetes plugin
 * reads it, turned into clusters a shared, backend-credentialed watch cache can use.
 */
export interface ClusterSupplier {
  /** The locator type, e.g. `catalog`, for logs. */
  readonly locator: string;
  /**
   * Whether the answer can change while the backend runs (catalog, GKE), so it is asked again
   * on every refresh; a fixed one (config) is asked once at startup.
   */
  readonly changes: boolean;
  getClusters(): Promise<SuppliedClusters>;
}
