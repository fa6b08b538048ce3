import type { WorkloadRef } from '@stalwart-backstage/plugin-stalwart-common';
import type { ClusterClientService } from '../ClusterClientService/createClusterClientService';
import { KubernetesRequestError } from '../KubernetesCacheService/KubernetesRequestError';

/** The only Kubernetes writes the backend makes: patches of an instance's own workload. */
export interface WorkloadPatcher {
  /** The API path of a workload, as the planner's rollout restart call names it. */
  pathOf(workload: WorkloadRef): string;
  patch(options: {
    cluster: string;
    workload: WorkloadRef;
    contentType: string;
    body: unknown;
  }): Promise<void>;
}

const CONTENT_TYPES = new Set([
  'application/strategic-merge-patch+json',
  'application/merge-patch+json',
]);

/**
 * PATCHes workloads with the backend's own cluster credentials (the same service account the
 * watch cache uses), one request, no retry: a patch that timed out may have been applied.
 */
export function createWorkloadPatcher(options: {
  clusterClients: ClusterClientService;
  requestTimeoutMs: number;
}): WorkloadPatcher {
  const { clusterClients, requestTimeoutMs } = options;
  const pathOf = (workload: WorkloadRef) =>
    `/apis/apps/v1/namespaces/${encodeURIComponent(workload.namespace)}/${
      workload.kind === 'StatefulSet' ? 'statefulsets' : 'deployments'
    }/${encodeURIComponent(workload.name)}`;

  return {
    pathOf,
    async patch({ cluster, workload, contentType, body }) {
      if (!CONTENT_TYPES.has(contentType))
        throw new KubernetesRequestError(`Refusing a ${contentType} patch`);
      const client = clusterClients.client(cluster, {
        requestTimeoutMs,
        maxRetries: 0,
        maxBackoffMs: 0,
      });
      await client.patch(pathOf(workload), contentType, body);
    },
  };
}
