import type { ClusterClient, RequestPolicy } from './createClusterClient';
import type { ClusterClientService } from './createClusterClientService';

/** One consumer's clients, one per located cluster with its policy. */
export interface ClientsByCluster {
  /** The cluster's client, or undefined when the cluster is not located now. */
  get(cluster: string): ClusterClient | undefined;
  /** Stops following the cluster list. */
  stop(): void;
}

/**
 * Builds each cluster's client on first use and drops it when the cluster goes away or its
 * connection changes, so a consumer always talks to the clusters located now.
 */
export function clientsByCluster(
  service: ClusterClientService,
  policy: RequestPolicy,
): ClientsByCluster {
  const clients = new Map<string, ClusterClient>();
  const stop = service.onClustersChanged(changed =>
    changed.forEach(cluster => clients.delete(cluster)),
  );
  return {
    get(cluster) {
      let client = clients.get(cluster);
      if (!client && service.clusterNames().includes(cluster)) {
        client = service.client(cluster, policy);
        clients.set(cluster, client);
      }
      return client;
    },
    stop,
  };
}
