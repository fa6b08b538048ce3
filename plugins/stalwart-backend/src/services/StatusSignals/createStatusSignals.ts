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
}

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
  const timers = new Map<string, NodeJS.Timeout>();
  const stateOf = (status: Awaited<ReturnType<StatusService['getStatus']>>) =>
    `${status.verdict.state}|${status.lifecycle?.phase ?? ''}`;

  async function compare(namespace: string) {
    const expired = Date.now() - watchForMs;
    for (const [entityRef, entry] of watched) {
      if (entry.seenAt < expired) watched.delete(entityRef);
      else if (entry.namespace === namespace) {
        try {
          const state = stateOf(await statusService.getStatus(entry.instance));
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
  }

  const stopListening = options.cache.onChange(({ cluster, namespace }) => {
    const key = `${cluster}\u0000${namespace}`;
    if (timers.has(key)) return;
    const timer = setTimeout(() => {
      timers.delete(key);
      compare(namespace).catch(() => undefined);
    }, debounceMs);
    timer.unref?.();
    timers.set(key, timer);
  });

  return {
    statusService: {
      async getStatus(request) {
        const status = await statusService.getStatus(request);
        if (!watched.has(request.entityRef) && watched.size >= maxWatched)
          watched.delete(watched.keys().next().value!);
        watched.set(request.entityRef, {
          instance: request,
          namespace: status.instance.namespace,
          state: stateOf(status),
          seenAt: Date.now(),
        });
        return status;
      },
    },
    stop() {
      stopListening();
      timers.forEach(clearTimeout);
      timers.clear();
    },
  };
}
