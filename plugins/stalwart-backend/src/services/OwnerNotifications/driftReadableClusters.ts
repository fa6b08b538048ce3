import type { InstanceStatusResponseV1 } from '@stalwart-backstage/plugin-stalwart-common';

/**
 * The clusters where a drift read can succeed, as the (cheap, cached) status already tells:
 * the cluster's data is live and a pod is ready to answer. Anything else would only open
 * port-forwards to fail.
 */
export function driftReadableClusters(
  status: InstanceStatusResponseV1,
): string[] {
  return status.clusters
    .filter(c => c.data === 'live' && c.pods.some(p => p.ready))
    .map(c => c.cluster);
}
