import { http, type RequestHandler } from 'msw';

/** Kubernetes API requests the simulator received, control API excluded. */
export interface KubernetesRequestCounts {
  total: number;
  /** Requests with `watch=true`: each opens one long-lived stream. */
  watches: number;
  byCluster: Record<string, number>;
  /** Response body bytes the simulated API servers sent (lists, watch events, proxies). */
  bytes?: number;
}

export const emptyCounts = (): KubernetesRequestCounts => ({
  total: 0,
  watches: 0,
  byCluster: {},
});

/** What happened between two snapshots. */
export function countsBetween(
  before: KubernetesRequestCounts,
  after: KubernetesRequestCounts,
): KubernetesRequestCounts {
  const byCluster: Record<string, number> = {};
  for (const [cluster, count] of Object.entries(after.byCluster)) {
    const delta = count - (before.byCluster[cluster] ?? 0);
    if (delta) byCluster[cluster] = delta;
  }
  return {
    total: after.total - before.total,
    watches: after.watches - before.watches,
    byCluster,
    ...(after.bytes === undefined
      ? {}
      : { bytes: after.bytes - (before.bytes ?? 0) }),
  };
}

/**
 * An msw handler that counts every request and answers none of them, so the simulator's own
 * handlers placed after it still serve the request (msw moves on when a resolver returns
 * nothing). The simulator has no request counter of its own.
 */
export function createRequestCounter(defaultCluster: string): {
  handler: RequestHandler;
  snapshot(): KubernetesRequestCounts;
} {
  const counts = emptyCounts();
  const handler = http.all(/.*/, ({ request }) => {
    const url = new URL(request.url);
    if (url.pathname.startsWith('/_simulator/')) return undefined;
    const cluster = url.pathname.match(/^\/clusters\/([^/]+)/)?.[1];
    const name = cluster ? decodeURIComponent(cluster) : defaultCluster;
    counts.total += 1;
    const watch = url.searchParams.get('watch');
    if (watch === 'true' || watch === '1') counts.watches += 1;
    counts.byCluster[name] = (counts.byCluster[name] ?? 0) + 1;
    return undefined;
  });
  return { handler, snapshot: () => structuredClone(counts) };
}
