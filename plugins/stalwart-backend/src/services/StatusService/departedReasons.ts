import type { StatusReason } from '@stalwart-backstage/plugin-stalwart-common';
import type { CollectionSnapshot } from '../KubernetesCacheService/types';

/**
 * Why objects the cache saw are gone from the status although they still exist: someone
 * removed the labels its watches select on.
 */
export function departedReasons(
  cluster: string,
  snapshots: CollectionSnapshot[],
): StatusReason[] {
  return snapshots
    .flatMap(s => s.departed ?? [])
    .map(d => ({
      code: 'watch.labels-removed',
      severity: 'warning' as const,
      message: `${d.kind} ${d.namespace}/${d.name} in cluster ${cluster} no longer matches the label selector "${d.selector}" the status watches with, so it is left out; restore its chart or renderer labels`,
    }));
}
