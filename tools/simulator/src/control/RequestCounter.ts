/** The Kubernetes API requests one cluster received. */
export interface ClusterRequestCounts {
  /** Every request: lists, gets, writes, watches, proxy and port-forward. */
  total: number;
  /** The watch requests among them (`?watch=true`). */
  watches: number;
}

/**
 * Counts the requests each cluster's apiserver receives, so fault tests can bound what a
 * client sends during an outage (a retry storm shows here, not in the client's own counters).
 * Requests answered by an injected fault count too: the client sent them.
 */
export class RequestCounter {
  private readonly counts = new Map<string, ClusterRequestCounts>();

  count(cluster: string, { watch }: { watch: boolean }): void {
    let counts = this.counts.get(cluster);
    if (!counts) {
      counts = { total: 0, watches: 0 };
      this.counts.set(cluster, counts);
    }
    counts.total += 1;
    if (watch) counts.watches += 1;
  }

  /** A copy of the counts so far, by cluster name; clusters never called are absent. */
  snapshot(): Record<string, ClusterRequestCounts> {
    return Object.fromEntries(
      [...this.counts].map(([cluster, counts]) => [cluster, { ...counts }]),
    );
  }

  reset(): void {
    this.counts.clear();
  }
}
