/** The Kubernetes API requests one cluster received. */
export interface ClusterRequestCounts {
  /** Every request: lists, gets, writes, watches, proxy and port-forward. */
  total: number;
  /** The watch requests among them (`?watch=true`). */
  watches: number;
  /** Response body bytes sent to clients (list pages and watch events alike). */
  bytes: number;
}

/**
 * Counts the requests each cluster's apiserver receives, so fault tests can bound what a
 * client sends during an outage (a retry storm shows here, not in the client's own counters).
 * Requests answered by an injected fault count too: the client sent them.
 */
export class RequestCounter {
  private readonly counts = new Map<string, ClusterRequestCounts>();

  count(cluster: string, { watch }: { watch: boolean }): void {
    const counts = this.countsOf(cluster);
    counts.total += 1;
    if (watch) counts.watches += 1;
  }

  /** The response, its body counted into the cluster's bytes as it streams out. */
  countBody(cluster: string, response: Response): Response {
    if (!response.body) return response;
    const counts = this.countsOf(cluster);
    const counted = response.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform(chunk, controller) {
          counts.bytes += chunk.byteLength;
          controller.enqueue(chunk);
        },
      }),
    );
    return new Response(counted, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  }

  private countsOf(cluster: string): ClusterRequestCounts {
    let counts = this.counts.get(cluster);
    if (!counts) {
      counts = { total: 0, watches: 0, bytes: 0 };
      this.counts.set(cluster, counts);
    }
    return counts;
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
