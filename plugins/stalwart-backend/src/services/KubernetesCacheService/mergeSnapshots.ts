import type { KubernetesObject } from '@kubernetes/client-node';
import type { CollectionSnapshot } from './types';

const SEVERITY: Record<CollectionSnapshot['state'], number> = {
  live: 0,
  'not-installed': 1,
  stale: 2,
  unavailable: 3,
};

/**
 * One kind's view from its collections (one per label selector): their objects once each,
 * and the least fresh state with its error, since a missing selector means missing objects.
 */
export function mergeSnapshots(
  snapshots: CollectionSnapshot[],
): CollectionSnapshot {
  if (snapshots.length === 1) return snapshots[0];
  const worst = snapshots.reduce((a, b) =>
    SEVERITY[b.state] > SEVERITY[a.state] ? b : a,
  );
  const seen = new Set<string>();
  const items: KubernetesObject[] = [];
  for (const item of snapshots.flatMap(s => s.items)) {
    const key = item.metadata?.uid ?? `${item.metadata?.name}`;
    if (!seen.has(key)) {
      seen.add(key);
      items.push(item);
    }
  }
  const synced = snapshots.map(s => s.syncedAt?.getTime());
  const departed = snapshots.flatMap(s => s.departed ?? []);
  return {
    state: worst.state,
    items,
    ...(worst.error ? { error: worst.error } : {}),
    ...(synced.every(t => t !== undefined)
      ? { syncedAt: new Date(Math.min(...(synced as number[]))) }
      : {}),
    ...(departed.length ? { departed } : {}),
  };
}
