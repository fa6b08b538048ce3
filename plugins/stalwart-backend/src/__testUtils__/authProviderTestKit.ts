import { mockServices } from '@backstage/backend-test-utils';
import type { KubernetesObject } from '@kubernetes/client-node';
import { generateFleet, type Scenario } from '@stalwart-backstage/simulator';
import { randomUUID } from 'node:crypto';
import type { ClusterConfig, StalwartStatusConfig } from '../config/types';
import type { ClusterClientService } from '../services/ClusterClientService/createClusterClientService';
import { createKubernetesCacheService } from '../services/KubernetesCacheService/createKubernetesCacheService';
import type { CollectionSnapshot } from '../services/KubernetesCacheService/types';

/** The namespace of the generated fleet's first instance, which every provider test reads. */
export const INSTANCE_NAMESPACE = 'mail-0000';
export const NAMESPACE_PATH = `/api/v1/namespaces/${INSTANCE_NAMESPACE}`;
/** One attempt, a few seconds: a refused credential shows at once. */
export const ONE_TRY = {
  requestTimeoutMs: 3_000,
  maxRetries: 0,
  maxBackoffMs: 0,
};

/**
 * A one-instance fleet whose cluster admits only `user`, through its token review: the
 * scenario's static token is taken away, so a test passes only with the provider's own token.
 */
export function fleetAdmittingOnly(user: {
  name: string;
  tokenReview: (token: string) => boolean;
}): Scenario {
  const scenario = generateFleet({ instances: 1, clusters: 1 });
  scenario.clusters[0].users = [
    { ...user, token: `not-a-static-token-${randomUUID()}`, deny: [] },
  ];
  return scenario;
}

/**
 * Fakes Date alone, with real timers: what a token's signing date, its review and client-node's
 * re-reading of a token file go by.
 */
export function fakeTheDateOnly(options: { advanceTimers?: boolean } = {}) {
  jest.useFakeTimers({
    ...options,
    doNotFake: [
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'setImmediate',
      'clearImmediate',
      'nextTick',
      'queueMicrotask',
      'hrtime',
      'performance',
    ],
  });
}

/** A status config over `clusters` with short, test-sized timings. */
export function statusConfigFor(
  clusters: ClusterConfig[],
): StalwartStatusConfig {
  return {
    clusters,
    unsupportedClusters: [],
    requestTimeoutMs: 3_000,
    maxRetries: 1,
    maxBackoffMs: 100,
    initialSyncTimeoutMs: 5_000,
    idleTimeoutMs: 60_000,
    argoCdNamespaces: ['argocd'],
    watchScope: 'cluster',
    accessCacheTtlMs: 0,
    accessCacheMaxEntries: 0,
  };
}

/**
 * Runs `body` with a watch cache over `cluster` and a reader of the instance namespace's
 * Services, and stops the cache whatever happens.
 */
export async function withServiceWatch(
  options: { cluster: ClusterConfig; clusterClients?: ClusterClientService },
  body: (readServices: () => Promise<CollectionSnapshot>) => Promise<void>,
) {
  const cache = createKubernetesCacheService({
    config: statusConfigFor([options.cluster]),
    logger: mockServices.logger.mock(),
    clusterClients: options.clusterClients,
  });
  try {
    await body(async () => {
      const read = await cache.read({
        cluster: options.cluster.name,
        namespace: INSTANCE_NAMESPACE,
        kinds: ['Service'],
      });
      return read.Service;
    });
  } finally {
    await cache.stop();
  }
}

/** `object` with these annotations, as a change to apply in the simulator. */
export function annotated(
  object: KubernetesObject,
  annotations: Record<string, string>,
): KubernetesObject {
  return { ...object, metadata: { ...object.metadata, annotations } };
}
