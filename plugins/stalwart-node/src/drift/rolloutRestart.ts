import type { RemediationCallV1 } from '@stalwart-backstage/plugin-stalwart-common';
import type { WorkloadRef } from './types';

/**
 * What `kubectl rollout restart` sends: a new `restartedAt` annotation on the pod template, so
 * the controller replaces every pod and each starts on the current ConfigMap.
 *
 * @public
 */
export function rolloutRestartCall(
  workload: WorkloadRef,
  now: Date,
  why: string,
): RemediationCallV1 {
  const resource =
    workload.kind === 'StatefulSet' ? 'statefulsets' : 'deployments';
  return {
    target: 'kubernetes',
    method: 'PATCH',
    path: `/apis/apps/v1/namespaces/${encodeURIComponent(
      workload.namespace,
    )}/${resource}/${encodeURIComponent(workload.name)}`,
    contentType: 'application/strategic-merge-patch+json',
    body: {
      spec: {
        template: {
          metadata: {
            annotations: {
              'kubectl.kubernetes.io/restartedAt': now.toISOString(),
            },
          },
        },
      },
    },
    description: `Restart every pod of ${workload.kind} ${workload.name} (rollout restart): ${why}`,
  };
}
