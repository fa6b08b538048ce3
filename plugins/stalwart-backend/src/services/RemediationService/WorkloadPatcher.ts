import type { WorkloadRef } from '@stalwart-backstage/plugin-stalwart-node';
import type { ClusterClientService } from '../ClusterClientService/createClusterClientService';
import { createObjectClient } from '../ClusterClientService/createObjectClient';

/** The only Kubernetes writes the remediation makes: patches of an instance's own workload. */
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

export function createWorkloadPatcher(options: {
  clusterClients: ClusterClientService;
  requestTimeoutMs: number;
}): WorkloadPatcher {
  const objects = createObjectClient(options);
  const pathOf = (workload: WorkloadRef) =>
    `/apis/apps/v1/namespaces/${encodeURIComponent(workload.namespace)}/${
      workload.kind === 'StatefulSet' ? 'statefulsets' : 'deployments'
    }/${encodeURIComponent(workload.name)}`;

  return {
    pathOf,
    async patch({ cluster, workload, ...rest }) {
      await objects.patch({ cluster, path: pathOf(workload), ...rest });
    },
  };
}
