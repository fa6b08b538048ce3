import type { LoggerService } from '@backstage/backend-plugin-api';
import type { StalwartStatusConfig } from '../../config/types';
import { clientsByCluster } from '../ClusterClientService/clientsByCluster';
import {
  ClusterClientService,
  createClusterClientService,
} from '../ClusterClientService/createClusterClientService';
import { collectionPath, typeMetaOf } from './resourceKinds';
import type {
  CollectionSnapshot,
  KubernetesCacheService,
  KubernetesRequestStats,
  ResourceKind,
} from './types';
import { WatchedCollection } from './WatchedCollection';
import { WATCH_SELECTORS } from './watchSelectors';
import { mergeSnapshots } from './mergeSnapshots';

/** Objects per list page: bounded memory per request, few requests for a fleet. */
const LIST_PAGE_SIZE = 500;
const KEY_SEPARATOR = '\u0000';

/**
 * The watch cache shared by every request of this backend replica. It only holds what the
 * clusters say, so a restarted or added replica rebuilds it from the API servers.
 */
export function createKubernetesCacheService(options: {
  config: StalwartStatusConfig;
  logger: LoggerService;
  clusterClients?: ClusterClientService;
}): KubernetesCacheService {
  const { config, logger } = options;
  const clusterClients =
    options.clusterClients ??
    createClusterClientService({ clusters: config.clusters });
  const stats: KubernetesRequestStats = { lists: 0, watches: 0 };
  const clients = clientsByCluster(clusterClients, {
    requestTimeoutMs: config.requestTimeoutMs,
    maxRetries: config.maxRetries,
    maxBackoffMs: config.maxBackoffMs,
    stats,
  });
  const changeListeners = new Set<
    (change: { cluster: string; namespace: string }) => void
  >();
  const collections = new Map<
    string,
    { collection: WatchedCollection; started: Promise<void>; settled: boolean }
  >();

  const sweeper = setInterval(() => {
    const idleSince = Date.now() - config.idleTimeoutMs;
    for (const [key, { collection }] of collections) {
      if (collection.lastReadAt < idleSince) {
        collections.delete(key);
        collection.stop().catch(() => undefined);
      }
    }
  }, Math.max(1_000, config.idleTimeoutMs / 2));
  sweeper.unref();

  // A cluster that left the located list (or changed its URL or credentials) stops its
  // informers; its next read starts fresh ones if it is back.
  const stopFollowingClusters = clusterClients.onClustersChanged(changed => {
    for (const [key, { collection }] of collections) {
      if (changed.includes(key.slice(0, key.indexOf(KEY_SEPARATOR)))) {
        collections.delete(key);
        collection.stop().catch(() => undefined);
      }
    }
  });

  function collectionFor(
    cluster: string,
    kind: ResourceKind,
    labelSelector: string,
    namespace: string,
  ) {
    // Cluster-wide, every namespace read shares one informer per kind and selector, so the
    // number of open watches stays fixed however many instances the fleet has.
    const watchedNamespace =
      config.watchScope === 'namespace' ? namespace : undefined;
    const key = [cluster, kind, labelSelector, watchedNamespace ?? ''].join(
      KEY_SEPARATOR,
    );
    let entry = collections.get(key);
    if (!entry) {
      const client = clients.get(cluster);
      if (!client) throw new Error(`Unknown cluster "${cluster}"`);
      const collection = new WatchedCollection({
        client,
        kind,
        path: collectionPath(kind, watchedNamespace),
        labelSelector,
        pageSize: LIST_PAGE_SIZE,
        typeMeta: typeMetaOf(kind),
        maxBackoffMs: config.maxBackoffMs,
        logger,
      });
      collection.onChange(changed =>
        changeListeners.forEach(listener =>
          listener({ cluster, namespace: changed }),
        ),
      );
      const started = collection.start();
      const created = { collection, started, settled: false };
      started.then(() => {
        created.settled = true;
      });
      entry = created;
      collections.set(key, entry);
    }
    return entry;
  }

  return {
    async read({ cluster, namespace, kinds }) {
      const entriesByKind = kinds.map(kind =>
        WATCH_SELECTORS[kind].map(selector =>
          collectionFor(cluster, kind, selector, namespace),
        ),
      );
      const unsettled = entriesByKind.flat().filter(e => !e.settled);
      if (unsettled.length > 0) {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<void>(resolve => {
          timer = setTimeout(resolve, config.initialSyncTimeoutMs);
        });
        // A first read waits for the initial lists, but not longer than the sync timeout.
        await Promise.race([
          Promise.all(unsettled.map(e => e.started)),
          timeout,
        ]);
        clearTimeout(timer);
      }
      return Object.fromEntries(
        kinds.map((kind, i) => [
          kind,
          mergeSnapshots(
            entriesByKind[i].map(e => e.collection.snapshot(namespace)),
          ),
        ]),
      ) as Record<ResourceKind, CollectionSnapshot>;
    },
    onChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
    requestStats: () => ({ ...stats }),
    async stop() {
      clearInterval(sweeper);
      stopFollowingClusters();
      clients.stop();
      const all = [...collections.values()];
      collections.clear();
      await Promise.all(all.map(({ collection }) => collection.stop()));
    },
  };
}
