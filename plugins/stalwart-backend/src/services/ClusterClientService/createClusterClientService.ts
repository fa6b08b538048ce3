import type { KubeConfig } from '@kubernetes/client-node';
import type { ClusterConfig } from '../../config/types';
import { KubernetesRequestError } from '../KubernetesCacheService/KubernetesRequestError';
import {
  ClusterClient,
  createClusterClient,
  RequestPolicy,
} from './createClusterClient';
import { kubeConfigFor } from './kubeConfigFor';
import type { AuthStrategies } from './sharedAuthStrategies';

/**
 * The one owner of the backend's cluster credentials and TLS settings: the watch cache, the
 * Stalwart connection and the workload patcher each get their clients here, with their own
 * timeouts and retries.
 */
export interface ClusterClientService {
  /** The names of the clusters the backend can talk to. */
  clusterNames(): string[];
  /** A client for a configured cluster; throws naming the cluster when it is not one. */
  client(cluster: string, policy: RequestPolicy): ClusterClient;
}

export function createClusterClientService(options: {
  clusters: ClusterConfig[];
  /** The core Kubernetes plugin's strategies, for clusters with `authStrategy`. */
  authStrategies?: AuthStrategies;
}): ClusterClientService {
  const kubeConfigs = new Map<string, KubeConfig>(
    options.clusters.map(cluster => [
      cluster.name,
      kubeConfigFor(cluster, options.authStrategies),
    ]),
  );
  return {
    clusterNames: () => [...kubeConfigs.keys()],
    client(cluster, policy) {
      const kubeConfig = kubeConfigs.get(cluster);
      if (!kubeConfig) {
        throw new KubernetesRequestError(
          `Cluster ${cluster} is not configured`,
        );
      }
      return createClusterClient({ name: cluster, kubeConfig, ...policy });
    },
  };
}
