import type { KubernetesObject } from '@kubernetes/client-node';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * Drops, in place, what the API server and kubectl keep for their own bookkeeping and no
 * status, drift or remediation rule reads: `managedFields` (often the larger half of an
 * object) and kubectl's copy of the last applied manifest. The cache holds every watched
 * object of a cluster, so this is most of its memory on a real cluster.
 */
export function slimObject<T extends KubernetesObject>(object: T): T {
  const metadata = object?.metadata;
  if (!metadata) return object;
  delete metadata.managedFields;
  if (metadata.annotations && LAST_APPLIED in metadata.annotations) {
    delete metadata.annotations[LAST_APPLIED];
  }
  return object;
}
