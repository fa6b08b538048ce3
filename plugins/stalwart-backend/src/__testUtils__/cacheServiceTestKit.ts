import type { KubernetesObject } from '@kubernetes/client-node';
import type { StalwartStatusConfig, WatchScope } from '../config/types';
import { allObjects, mailRelease } from '../__fixtures__/mailRelease';
import type { FakeKubernetesCluster } from './FakeKubernetesCluster';

/** A status config with one cluster `prod` and timeouts short enough for tests. */
export function configFor(
  cluster: FakeKubernetesCluster,
  watchScope: WatchScope = 'cluster',
): StalwartStatusConfig {
  return {
    clusters: [
      {
        name: 'prod',
        url: cluster.url,
        serviceAccountToken: 'sa-token-do-not-leak',
        skipTLSVerify: false,
      },
    ],
    unsupportedClusters: [],
    requestTimeoutMs: 300,
    maxRetries: 1,
    maxBackoffMs: 200,
    initialSyncTimeoutMs: 2_000,
    idleTimeoutMs: 60_000,
    argoCdNamespaces: ['argocd'],
    watchScope,
    accessCacheTtlMs: 10_000,
    accessCacheMaxEntries: 100,
  };
}

/** The release's objects moved to another namespace, as a second instance of the fleet. */
export function releaseIn(namespace: string): KubernetesObject[] {
  return allObjects(mailRelease()).map(object => ({
    ...object,
    metadata: { ...object.metadata, namespace },
  }));
}

export const namespacesOf = (items: ReadonlyArray<KubernetesObject>) => [
  ...new Set(items.map(item => item.metadata?.namespace)),
];

/** Retries an assertion for up to 3 seconds, for effects of watch events. */
export async function eventually(assertion: () => void | Promise<void>) {
  const deadline = Date.now() + 3_000;
  for (;;) {
    try {
      await assertion();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise(r => setTimeout(r, 25));
    }
  }
}
