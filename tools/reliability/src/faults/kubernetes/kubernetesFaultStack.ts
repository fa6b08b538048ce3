import { readFileSync } from 'node:fs';
import {
  startBackendWithSimulator,
  waitFor,
  type BackendWithSimulator,
  type ClusterLocatorEntry,
} from '@stalwart-backstage/test-harness';
import type {
  ClusterInstanceStatusV1,
  InstanceStatusResponseV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import type { ClusterRequestCounts } from '@stalwart-backstage/simulator';

/**
 * The retry settings every Kubernetes fault test runs the backend with: small, so a fault and
 * its recovery take seconds. `maxBackoff` is the retry period recovery is measured against.
 */
export const RETRY = {
  maxBackoffSeconds: 2,
  maxRetries: 1,
  requestTimeoutSeconds: 4,
  /**
   * The shortest wait before a failed watch restarts: WatchedCollection's first restart waits
   * 1 s, less its 25 % jitter.
   */
  minRestartSeconds: 0.75,
};

/**
 * Collections the status of one instance opens per cluster (watches are cluster-wide): the
 * seven kinds StatusService reads in the instance namespace, plus Argo CD Applications.
 */
export const COLLECTIONS_PER_CLUSTER = 8;

/** The demo's two instances, one per cluster (examples/stalwart-demo.yaml). */
export const DEMO = {
  homelab: { entity: 'stalwart', cluster: 'homelab' },
  edge: { entity: 'mail-edge', cluster: 'edge' },
} as const;

/**
 * The most requests one cluster's watch cache may send while a fault lasts, if retries back
 * off as configured. Each collection's requests come in attempts: one watch, and when it must
 * relist (410 or a first list) up to maxRetries + 1 lists and a second watch, so at most
 * maxRetries + 3 requests. A failed attempt waits at least `minRestartSeconds` before the
 * next; a watch the server closes (a drop) starts one more at once. So per collection:
 * attempts <= faultSeconds / minRestartSeconds + drops + 1, and the cluster sends at most
 * collections x (maxRetries + 3) x attempts. A retry storm (no backoff) sends one attempt
 * per round trip, orders of magnitude more.
 */
export function requestBound(options: {
  faultSeconds: number;
  watchDrops?: number;
  collections?: number;
}): number {
  const {
    faultSeconds,
    watchDrops = 0,
    collections = COLLECTIONS_PER_CLUSTER,
  } = options;
  const attempts =
    Math.ceil(faultSeconds / RETRY.minRestartSeconds) + watchDrops + 1;
  return collections * (RETRY.maxRetries + 3) * attempts;
}

export type FaultStack = BackendWithSimulator & {
  /** The status route's answer for a demo component, as the entity page asks for it. */
  status(entity: string): Promise<InstanceStatusResponseV1>;
  /** One cluster's part of an entity's status. */
  clusterStatus(
    entity: string,
    cluster: string,
  ): Promise<ClusterInstanceStatusV1>;
  /** Polls the status until `accept` holds, and tells how long that took. */
  waitForCluster(
    entity: string,
    cluster: string,
    accept: (status: ClusterInstanceStatusV1) => boolean,
    timeoutMs?: number,
  ): Promise<{ status: ClusterInstanceStatusV1; seconds: number }>;
  /** Requests the simulated cluster received so far. */
  requestsTo(cluster: string): ClusterRequestCounts;
  /** The backend process's resident memory, in KiB. */
  rssKiB(): number;
};

/**
 * Starts the example backend against the simulator with the retry settings above, and waits
 * until both demo instances read live, so each test starts from a warm, healthy cache.
 */
export async function startFaultStack(
  options: {
    scenarioDir?: string;
    config?: Record<string, unknown>;
    clusters?: (
      simulated: ClusterLocatorEntry[],
    ) => ClusterLocatorEntry[] | Promise<ClusterLocatorEntry[]>;
    /** Instances that must read live before the stack is handed out. Default: the demo's two. */
    warm?: Array<{ entity: string; cluster: string }>;
  } = {},
): Promise<FaultStack> {
  const stack = await startBackendWithSimulator({
    scenarioDir: options.scenarioDir,
    clusters: options.clusters,
    config: {
      ...options.config,
      stalwart: {
        status: {
          maxBackoff: { seconds: RETRY.maxBackoffSeconds },
          maxRetries: RETRY.maxRetries,
          requestTimeout: { seconds: RETRY.requestTimeoutSeconds },
          initialSyncTimeout: { seconds: 3 },
        },
      },
    },
  });

  async function status(entity: string) {
    const res = await stack.request(
      `/api/stalwart/v1/entities/default/component/${entity}/status`,
    );
    if (!res.ok) {
      throw new Error(`status of ${entity}: HTTP ${res.status}`);
    }
    return (await res.json()) as InstanceStatusResponseV1;
  }

  async function clusterStatus(entity: string, cluster: string) {
    const found = (await status(entity)).clusters.find(
      c => c.cluster === cluster,
    );
    if (!found) throw new Error(`no cluster ${cluster} in ${entity}'s status`);
    return found;
  }

  async function waitForCluster(
    entity: string,
    cluster: string,
    accept: (status: ClusterInstanceStatusV1) => boolean,
    timeoutMs = 30_000,
  ) {
    const started = Date.now();
    const found = await waitFor(
      `${entity} in ${cluster} to reach the expected state`,
      async () => {
        const current = await clusterStatus(entity, cluster);
        return accept(current) ? current : undefined;
      },
      { timeoutMs, intervalMs: 100 },
    );
    return { status: found, seconds: (Date.now() - started) / 1000 };
  }

  try {
    for (const { entity, cluster } of options.warm ?? Object.values(DEMO)) {
      // 404 until the catalog has ingested the demo entities.
      await waitForCluster(entity, cluster, c => c.data === 'live', 120_000);
    }
  } catch (error) {
    await stack.stop();
    throw error;
  }

  return {
    ...stack,
    status,
    clusterStatus,
    waitForCluster,
    requestsTo: cluster =>
      stack.simulator.control.requestCounts()[cluster] ?? {
        total: 0,
        watches: 0,
      },
    rssKiB: () => {
      const match = readFileSync(
        `/proc/${stack.backend.pid}/status`,
        'utf8',
      ).match(/^VmRSS:\s+(\d+) kB/m);
      if (!match) throw new Error('no VmRSS for the backend process');
      return Number(match[1]);
    },
  };
}

/** The difference of two request counts, e.g. before and after a fault. */
export function requestsBetween(
  before: ClusterRequestCounts,
  after: ClusterRequestCounts,
): ClusterRequestCounts & { lists: number } {
  const total = after.total - before.total;
  const watches = after.watches - before.watches;
  return {
    total,
    watches,
    lists: total - watches,
    bytes: after.bytes - before.bytes,
  };
}

export const sleep = (ms: number) =>
  new Promise<void>(resolve => setTimeout(resolve, ms));

/**
 * Renews the edge instance's certificate (notAfter moved `days` ahead), as cert-manager would:
 * a change the status shows (the demo's certificate expires in 5 days).
 */
export function renewEdgeCertificate(stack: FaultStack, days: number): string {
  const cluster = stack.simulator.control.cluster(DEMO.edge.cluster);
  const type = cluster.registry.find('cert-manager.io', 'v1', 'certificates')!;
  const certificate = structuredClone(
    cluster.store.get(type, 'mail', 'mail-stalwart-tls'),
  );
  const notAfter = new Date(Date.now() + days * 86_400_000).toISOString();
  certificate.status = { ...certificate.status, notAfter };
  cluster.apply(certificate);
  return notAfter;
}

/**
 * Connection churn: the cluster's resourceVersion moves on, then its apiserver restarts, so
 * every watch reconnects and relists, and each of those requests meets the injected faults.
 */
export function restartWithActivity(stack: FaultStack, cluster: string) {
  stack.simulator.control.apply(cluster, {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name: `activity-${Date.now()}` },
  });
  stack.simulator.control.restartApiServer(cluster);
}

/**
 * Keeps reading an instance's status while `during` runs, every `intervalMs`, and returns
 * every answer; a read that fails outright is kept as its error.
 */
export async function readWhile(
  stack: FaultStack,
  target: { entity: string; cluster: string },
  during: Promise<unknown>,
  intervalMs = 200,
): Promise<Array<ClusterInstanceStatusV1 | Error>> {
  const reads: Array<ClusterInstanceStatusV1 | Error> = [];
  let done = false;
  const finished = during.finally(() => {
    done = true;
  });
  while (!done) {
    reads.push(
      await stack
        .clusterStatus(target.entity, target.cluster)
        .catch((error: Error) => error),
    );
    await Promise.race([sleep(intervalMs), finished]);
  }
  await finished;
  return reads;
}
