import type { LoggerService } from '@backstage/backend-plugin-api';
import type { KubeConfig } from '@kubernetes/client-node';
import type { ClusterConfig, UnsupportedCluster } from '../../config/types';
import type {
  ClusterSupplier,
  SuppliedClusters,
} from '../ClusterSupplier/types';
import { KubernetesRequestError } from '../KubernetesCacheService/KubernetesRequestError';
import {
  ClusterClient,
  createClusterClient,
  RequestPolicy,
} from './createClusterClient';
import { kubeConfigFor } from './kubeConfigFor';
import type { AuthStrategies } from './sharedAuthStrategies';

/**
 * The one owner of the backend's cluster credentials and TLS settings, and of which clusters
 * exist now: the watch cache, the Stalwart connection and the workload patcher each get their
 * clients here, with their own timeouts and retries.
 */
export interface ClusterClientService {
  /** The names of the clusters the backend can talk to now. */
  clusterNames(): string[];
  /** Why a located cluster cannot be used, or why it may be missing; undefined when neither. */
  unsupportedReason(cluster: string): string | undefined;
  /** A client for a located cluster; throws naming the cluster when it is not one. */
  client(cluster: string, policy: RequestPolicy): ClusterClient;
  /**
   * Calls `listener` after a refresh with the clusters that went away or whose URL, CA or
   * credentials changed, so their clients and watches are dropped; answers the unsubscriber.
   */
  onClustersChanged(listener: (clusters: string[]) => void): () => void;
  /** Asks the cluster suppliers again. */
  refresh(): Promise<void>;
}

interface LocatedCluster {
  /** The cluster's whole definition, to tell a changed cluster from the same one. */
  definition: string;
  kubeConfig: KubeConfig;
}

export function createClusterClientService(options: {
  /** Clusters fixed for the backend's lifetime (the `config` locators). */
  clusters: ClusterConfig[];
  unsupportedClusters?: UnsupportedCluster[];
  /** Locators asked on `refresh` (`catalog`, `gke`). */
  suppliers?: ClusterSupplier[];
  /** The core Kubernetes plugin's strategies, for clusters with `authStrategy`. */
  authStrategies?: AuthStrategies;
  logger?: LoggerService;
}): ClusterClientService {
  const suppliers = options.suppliers ?? [];
  const fixed: SuppliedClusters = {
    clusters: options.clusters,
    unsupportedClusters: options.unsupportedClusters ?? [],
  };
  const answers = new Map<ClusterSupplier, SuppliedClusters>();
  const failures = new Map<ClusterSupplier, string>();
  const listeners = new Set<(clusters: string[]) => void>();
  let located = new Map<string, LocatedCluster>();
  let unsupported = new Map<string, string>();
  let refreshing: Promise<void> | undefined;

  function locate(previous: Map<string, LocatedCluster>) {
    const next = new Map<string, LocatedCluster>();
    const nextUnsupported = new Map<string, string>();
    const all = [fixed, ...suppliers.flatMap(s => answers.get(s) ?? [])];
    for (const cluster of all.flatMap(a => a.clusters)) {
      if (next.has(cluster.name)) {
        options.logger?.warn(
          `Duplicate kubernetes cluster name "${cluster.name}": the Stalwart backend uses the first one located`,
        );
        continue;
      }
      const definition = JSON.stringify(cluster);
      const known = previous.get(cluster.name);
      if (known?.definition === definition) {
        next.set(cluster.name, known);
        continue;
      }
      try {
        next.set(cluster.name, {
          definition,
          kubeConfig: kubeConfigFor(cluster, options.authStrategies),
        });
      } catch (error) {
        nextUnsupported.set(cluster.name, String(error));
      }
    }
    for (const { name, reason } of all.flatMap(a => a.unsupportedClusters)) {
      if (!next.has(name) && !nextUnsupported.has(name))
        nextUnsupported.set(name, reason);
    }
    return { next, nextUnsupported };
  }

  function apply() {
    const { next, nextUnsupported } = locate(located);
    const changed = [...located.keys()].filter(
      name => next.get(name) !== located.get(name),
    );
    located = next;
    unsupported = nextUnsupported;
    if (changed.length) listeners.forEach(listener => listener(changed));
  }

  async function askSuppliers() {
    await Promise.all(
      suppliers.map(async supplier => {
        try {
          answers.set(supplier, await supplier.getClusters());
          failures.delete(supplier);
        } catch (error) {
          // The last answer stays: a catalog that is briefly down must not unwatch clusters.
          const message = error instanceof Error ? error.message : `${error}`;
          failures.set(supplier, message);
          options.logger?.warn(
            `Could not read the clusters of the ${supplier.locator} cluster locator: ${message}`,
          );
        }
      }),
    );
    apply();
  }

  apply();
  return {
    clusterNames: () => [...located.keys()],
    unsupportedReason(cluster) {
      const reason = unsupported.get(cluster);
      if (reason || located.has(cluster) || failures.size === 0) return reason;
      return `it was not located, and ${[...failures]
        .map(
          ([supplier, message]) =>
            `the ${supplier.locator} locator failed: ${message}`,
        )
        .join('; ')}`;
    },
    client(cluster, policy) {
      const kubeConfig = located.get(cluster)?.kubeConfig;
      if (!kubeConfig) {
        throw new KubernetesRequestError(
          `Cluster ${cluster} is not configured`,
        );
      }
      return createClusterClient({ name: cluster, kubeConfig, ...policy });
    },
    onClustersChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    refresh() {
      refreshing ??= askSuppliers().finally(() => {
        refreshing = undefined;
      });
      return refreshing;
    },
  };
}
