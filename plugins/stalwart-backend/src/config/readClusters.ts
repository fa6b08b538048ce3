import type { Config } from '@backstage/config';
import { readConfigCluster } from '../services/ClusterSupplier/config/readConfigCluster';
import { localKubectlProxyCluster } from '../services/ClusterSupplier/localKubectlProxy/localKubectlProxyCluster';
import type { ClusterConfig, UnsupportedCluster } from './types';

/**
 * Reads the clusters fixed in config (`config` and `localKubectlProxy` entries of the core
 * Kubernetes plugin's `kubernetes.clusterLocatorMethods`) that a shared, backend-credentialed
 * watch cache can use, and names the others with the reason. `catalog` and `gke` entries are
 * read while the backend runs, by their cluster suppliers.
 */
export function readClusters(config: Config): {
  clusters: ClusterConfig[];
  unsupportedClusters: UnsupportedCluster[];
} {
  const clusters: ClusterConfig[] = [];
  const unsupportedClusters: UnsupportedCluster[] = [];
  const locators =
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];

  for (const locator of locators) {
    const type = locator.getString('type');
    if (type === 'localKubectlProxy') {
      clusters.push(localKubectlProxyCluster());
      continue;
    }
    if (type !== 'config') continue;
    for (const cluster of locator.getOptionalConfigArray('clusters') ?? []) {
      const read = readConfigCluster(cluster);
      if ('reason' in read) unsupportedClusters.push(read);
      else clusters.push(read);
    }
  }

  const names = clusters.map(c => c.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) {
    throw new Error(
      `kubernetes cluster name "${duplicate}" is configured twice`,
    );
  }
  return { clusters, unsupportedClusters };
}
