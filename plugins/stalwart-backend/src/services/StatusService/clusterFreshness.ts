import type { ClusterErrorV1 } from '@stalwart-backstage/plugin-stalwart-common';
import type { CollectionSnapshot } from '../KubernetesCacheService/types';

/** How fresh a cluster's data is, judged from the collections one status read. */
export interface ClusterFreshness {
  data: 'live' | 'stale' | 'unavailable';
  error?: ClusterErrorV1;
  dataAgeSeconds?: number;
}

export function clusterFreshness(
  snapshots: CollectionSnapshot[],
  now: Date,
): ClusterFreshness {
  const failing = snapshots
    .filter(s => s.error)
    .sort((a, b) => a.error!.since.getTime() - b.error!.since.getTime());
  const syncing = snapshots.filter(s => s.state === 'unavailable' && !s.error);

  if (failing.length > 0) {
    // The oldest failure is when the data stopped being current; prefer an answered error.
    const first = failing.find(s => s.error!.statusCode) ?? failing[0];
    const since = failing[0].error!.since;
    const stale =
      syncing.length === 0 && failing.every(s => s.state === 'stale');
    return {
      data: stale ? 'stale' : 'unavailable',
      error: {
        message: first.error!.message,
        statusCode: first.error!.statusCode,
        since: since.toISOString(),
      },
      dataAgeSeconds: stale
        ? Math.round((now.getTime() - since.getTime()) / 1000)
        : undefined,
    };
  }
  if (syncing.length > 0) {
    return {
      data: 'unavailable',
      error: {
        message: 'The first list of this namespace has not finished yet',
        since: now.toISOString(),
      },
    };
  }
  return { data: 'live' };
}
