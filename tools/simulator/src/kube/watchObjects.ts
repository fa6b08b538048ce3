import { StoreEvent } from './ObjectStore';
import { SimulatedCluster } from './SimulatedCluster';
import { ResourceType, groupVersionOf } from './resourceTypes';
import { ObjectPredicate } from './selectors';
import { tooOldResourceVersion } from './status';

export interface WatchOptions {
  namespace?: string;
  predicate: ObjectPredicate;
  resourceVersion?: string | null;
  allowBookmarks: boolean;
  sendInitialEvents: boolean;
  timeoutSeconds?: number;
  bookmarkIntervalMs: number;
}

const encoder = new TextEncoder();

/**
 * A `?watch=true` response: newline-delimited JSON events streamed as they happen.
 * A too-old resourceVersion gets HTTP 200 and one ERROR event carrying a 410 Status,
 * as kube-apiserver's watch cache answers once the request is authorised.
 */
export function watchObjects(
  cluster: SimulatedCluster,
  type: ResourceType,
  options: WatchOptions,
): Response {
  const inScope = (o: any) =>
    (options.namespace === undefined ||
      o.metadata?.namespace === options.namespace) &&
    options.predicate(o);
  /**
   * What a watcher with a selector sees of a change, as kube-apiserver's watch cache decides
   * it from the object before and after: an object whose labels stop matching is DELETED
   * (carrying its new state), one that starts matching is ADDED.
   */
  const asSeen = (event: {
    type: StoreEvent['type'];
    object: any;
    previous?: any;
  }): { type: StoreEvent['type']; object: any } | undefined => {
    const now = inScope(event.object);
    if (event.type !== 'MODIFIED' || !event.previous) {
      return now ? { type: event.type, object: event.object } : undefined;
    }
    const before = inScope(event.previous);
    if (before && now) return { type: 'MODIFIED', object: event.object };
    if (before) return { type: 'DELETED', object: event.object };
    if (now) return { type: 'ADDED', object: event.object };
    return undefined;
  };
  let cleanup = () => {};

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const send = (event: unknown) => {
        if (!closed)
          controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      };
      const bookmark = (annotations?: Record<string, string>) =>
        send({
          type: 'BOOKMARK',
          object: {
            kind: type.kind,
            apiVersion: groupVersionOf(type),
            metadata: {
              resourceVersion: String(cluster.store.resourceVersion),
              ...(annotations ? { annotations } : {}),
            },
          },
        });
      const timers: ReturnType<typeof setTimeout>[] = [];
      const handle = {
        close() {
          if (closed) return;
          cleanup();
          closed = true;
          controller.close();
        },
      };
      let unsubscribe = () => {};
      cleanup = () => {
        unsubscribe();
        timers.forEach(t => clearTimeout(t));
        cluster.watches.delete(handle);
      };

      const rv = options.resourceVersion;
      const startFromHistory = rv && rv !== '0' && !options.sendInitialEvents;
      if (startFromHistory) {
        const history = cluster.store.eventsSince(type, Number(rv));
        if (!history) {
          send({
            type: 'ERROR',
            object: tooOldResourceVersion(rv, cluster.store.resourceVersion),
          });
          handle.close();
          return;
        }
        history.forEach(e => {
          const seen = asSeen(e);
          if (seen) send(seen);
        });
      } else {
        cluster.store
          .list(type, options.namespace, options.predicate)
          .forEach(object => send({ type: 'ADDED', object }));
        if (options.sendInitialEvents && options.allowBookmarks) {
          bookmark({ 'k8s.io/initial-events-end': 'true' });
        }
      }

      unsubscribe = cluster.onChange((event: StoreEvent) => {
        if (
          event.resource.group === type.group &&
          event.resource.plural === type.plural
        ) {
          const seen = asSeen(event);
          if (seen) send(seen);
        }
      });
      cluster.watches.add(handle);
      if (options.allowBookmarks) {
        const tick = () => {
          bookmark();
          timers[0] = setTimeout(tick, options.bookmarkIntervalMs);
        };
        timers[0] = setTimeout(tick, options.bookmarkIntervalMs);
      }
      if (options.timeoutSeconds && options.timeoutSeconds > 0) {
        timers[1] = setTimeout(
          () => handle.close(),
          options.timeoutSeconds * 1000,
        );
      }
    },
    cancel() {
      cleanup();
    },
  });

  return new Response(body, {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
  });
}
