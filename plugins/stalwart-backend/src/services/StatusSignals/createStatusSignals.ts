import type { LoggerService } from '@backstage/backend-plugin-api';
import type { SignalsService } from '@backstage/plugin-signals-node';
import { statusSignalChannel } from '@stalwart-backstage/plugin-stalwart-common';
import type { ResolvedInstance } from '../InstanceResolver/types';
import type { KubernetesCacheService } from '../KubernetesCacheService/types';
import type { StatusService } from '../StatusService/types';

interface Watched {
  instance: ResolvedInstance;
  namespace: string;
  state: string;
  seenAt: number;
  /** When the read behind `state` began: a change of the cache before then is in it. */
  readAt: number;
}

/** Expired entries of namespaces that never change are dropped this often. */
const SWEEP_INTERVAL_MS = 60_000;

/**
 * A status service that, for the instances someone looked at in the last `watchForMs`, recomputes
 * the status when the watch cache sees an object of their namespace change, and publishes a
 * signal on the instance's channel when its verdict or lifecycle phase changed. The signal says
 * only that it changed: each tab then reads the status through the route, as its own user.
 */
export function createStatusSignals(options: {
  statusService: StatusService;
  cache: Pick<KubernetesCacheService, 'onChange'>;
  signals: Pick<SignalsService, 'publish'>;
  logger: LoggerService;
  /** Changes of one namespace within this long are compared once. Default 1 second. */
  debounceMs?: number;
  watchForMs?: number;
  maxWatched?: number;
}): { statusService: StatusService; stop(): void } {
  const { statusService, signals, logger } = options;
  const debounceMs = options.debounceMs ?? 1_000;
  const watchForMs = options.watchForMs ?? 30 * 60_000;
  const maxWatched = options.maxWatched ?? 5_000;
  const watched = new Map<string, Watched>();
  // A cold start's first lists report every namespace of a cluster as changed at once: each
  // comparison looks only at the instances of its own namespace, not at every one watched.
  const byNamespace = new Map<string, Set<string>>();
  /** Per cluster and namespace: the pending comparison and the last change it covers. */
  const pending = new Map<string, { timer: NodeJS.Timeout; lastAt: number }>();
  let sweptAt = Date.now();
  const stateOf = (status: Awaited<ReturnType<StatusService['getStatus']>>) =>
    `${status.verdict.state}|${status.lifecycle?.phase ?? ''}`;

  function forget(entityRef: string) {
    const entry = watched.get(entityRef);
    if (!entry) return;
    watched.delete(entityRef);
    const refs = byNamespace.get(entry.namespace);
    refs?.delete(entityRef);
    if (refs?.size === 0) byNamespace.delete(entry.namespace);
  }

  function remember(entityRef: string, entry: Watched) {
    const known = watched.get(entityRef);
    if (known && known.namespace !== entry.namespace) forget(entityRef);
    else if (!known && watched.size >= maxWatched)
      forget(watched.keys().next().value!);
    watched.set(entityRef, entry);
    const refs = byNamespace.get(entry.namespace) ?? new Set<string>();
    byNamespace.set(entry.namespace, refs.add(entityRef));
  }

  function sweep(now: number) {
    if (now - sweptAt < SWEEP_INTERVAL_MS) return;
    sweptAt = now;
    for (const [entityRef, entry] of watched) {
      if (entry.seenAt < now - watchForMs) forget(entityRef);
    }
  }

  async function compare(namespace: string, lastChangeAt: number) {
    const now = Date.now();
    sweep(now);
    for (const entityRef of [...(byNamespace.get(namespace) ?? [])]) {
      const entry = watched.get(entityRef);
      if (!entry) continue;
      if (entry.seenAt < now - watchForMs) {
        forget(entityRef);
        continue;
      }
      // Its last status was read after the last change reached the cache: it already saw it.
      if (entry.readAt > lastChangeAt) continue;
      try {
        const readAt = performance.now();
        const state = stateOf(await statusService.getStatus(entry.instance));
        entry.readAt = readAt;
        if (state === entry.state) continue;
        entry.state = state;
        await signals.publish({
          recipients: { type: 'broadcast' },
          channel: statusSignalChannel(entityRef),
          message: { entityRef },
        });
      } catch (error) {
        logger.warn(`Could not signal the status of ${entityRef}: ${error}`);
      }
    }
  }

  const stopListening = options.cache.onChange(({ cluster, namespace }) => {
    const key = `${cluster}\u0000${namespace}`;
    const known = pending.get(key);
    if (known) {
      known.lastAt = performance.now();
      return;
    }
    const timer = setTimeout(() => {
      const { lastAt } = pending.get(key)!;
      pending.delete(key);
      compare(namespace, lastAt).catch(() => undefined);
    }, debounceMs);
    timer.unref?.();
    pending.set(key, { timer, lastAt: performance.now() });
  });

  return {
    statusService: {
      async getStatus(request) {
        const readAt = performance.now();
        const status = await statusService.getStatus(request);
        remember(request.entityRef, {
          instance: request,
          namespace: status.instance.namespace,
          state: stateOf(status),
          seenAt: Date.now(),
          readAt,
        });
        return status;
      },
    },
    stop() {
      stopListening();
      pending.forEach(({ timer }) => clearTimeout(timer));
      pending.clear();
    },
  };
}
