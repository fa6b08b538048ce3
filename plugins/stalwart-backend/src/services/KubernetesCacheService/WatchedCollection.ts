import { KubernetesObject, ListWatch } from '@kubernetes/client-node';
import type { LoggerService } from '@backstage/backend-plugin-api';
import { parseLabelSelector } from '@stalwart-backstage/plugin-stalwart-common';
import { backoffDelay } from './backoff';
import { projectObject } from './projectObject';
import type { ClusterClient } from '../ClusterClientService/createClusterClient';
import { listAllPages } from './listAllPages';
import type {
  CollectionError,
  CollectionSnapshot,
  DepartedObject,
  ResourceKind,
} from './types';

const RESTART_BASE_MS = 1_000;

const keyOf = (object: KubernetesObject) =>
  `${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;

/**
 * One kind and label selector of one cluster (all namespaces, or one), kept current by a
 * paginated list-then-watch informer. A failure keeps the last objects (marked stale) and
 * restarts the informer with backoff; a 410 Gone makes the informer relist. An object that
 * stops matching the selector is dropped and remembered as departed, so the status can say why
 * it vanished.
 */
export class WatchedCollection {
  private readonly informer: ListWatch<KubernetesObject>;
  private readonly firstSync: Promise<void>;
  private resolveFirstSync!: () => void;
  private error?: CollectionError;
  private syncedAt?: Date;
  private notInstalled = false;
  private failures = 0;
  private restartTimer?: NodeJS.Timeout;
  private stopped = false;
  private readonly departed = new Map<string, DepartedObject>();
  lastReadAt = Date.now();

  constructor(
    private readonly options: {
      client: ClusterClient;
      kind: ResourceKind;
      path: string;
      labelSelector: string;
      pageSize: number;
      typeMeta: { apiVersion: string; kind: string };
      maxBackoffMs: number;
      logger: LoggerService;
    },
  ) {
    const { client, kind, path, typeMeta, labelSelector } = options;
    const project = (object: KubernetesObject) => projectObject(kind, object);
    this.firstSync = new Promise(resolve => {
      this.resolveFirstSync = resolve;
    });
    this.informer = new ListWatch(
      path,
      client.createWatch(() => this.markSynced(), project),
      async () => {
        // The apiserver leaves kind and apiVersion off list items (watch events carry them);
        // the status rules read them, so every cached object gets them. Each page is projected
        // before the next is asked for, so a large list never sits in memory whole.
        const list = await listAllPages({
          client,
          path,
          labelSelector,
          pageSize: options.pageSize,
          project: item => project({ ...typeMeta, ...item }),
        });
        this.notInstalled = false;
        this.markSynced();
        return list;
      },
      false,
      labelSelector,
    );
    const matches = parseLabelSelector(labelSelector);
    this.informer.on('add', object => this.departed.delete(keyOf(object)));
    this.informer.on('delete', object => {
      // kube-apiserver reports an object whose labels no longer match as DELETED, with its
      // new labels: it still exists, but this cache no longer sees it.
      if (!matches(object)) {
        this.departed.set(keyOf(object), {
          kind,
          namespace: object.metadata?.namespace ?? '',
          name: object.metadata?.name ?? '',
          selector: labelSelector,
        });
      }
    });
    this.informer.on('error', error => this.onError(error));
  }

  /** Calls `listener` with the namespace of each object added, changed or deleted. */
  onChange(listener: (namespace: string) => void): void {
    this.informer.on('change', object =>
      listener(object.metadata?.namespace ?? ''),
    );
  }

  /** Starts the informer; resolves once the first list succeeded or failed. */
  start(): Promise<void> {
    this.informer.start().catch(error => this.onError(error));
    return this.firstSync;
  }

  /** What the collection holds in one namespace. */
  snapshot(namespace: string): CollectionSnapshot {
    this.lastReadAt = Date.now();
    // The informer keeps its objects in a map per namespace, so this costs the namespace's
    // objects, not the cluster's. An empty name would mean every namespace to it.
    const items = namespace ? this.informer.list(namespace) : [];
    if (this.notInstalled) return { state: 'not-installed', items: [] };
    const departed = this.departed.size
      ? [...this.departed.values()].filter(d => d.namespace === namespace)
      : [];
    const common = {
      items,
      syncedAt: this.syncedAt,
      ...(departed.length ? { departed } : {}),
    };
    if (this.error) {
      return {
        state: this.syncedAt ? 'stale' : 'unavailable',
        ...common,
        error: this.error,
      };
    }
    return { state: this.syncedAt ? 'live' : 'unavailable', ...common };
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.restartTimer);
    await this.informer.stop();
  }

  private markSynced() {
    this.error = undefined;
    this.failures = 0;
    this.syncedAt = new Date();
    // The informer stores a list only after our list function returns: let it, then answer.
    setImmediate(this.resolveFirstSync);
  }

  private onError(error: unknown) {
    // Stopping aborts the open watch, which the informer reports as an error.
    if (this.stopped) return;
    const statusCode = (error as { statusCode?: number }).statusCode;
    const reported = error instanceof Error ? error.message : String(error);
    // A refused watch only carries the status text ("Forbidden"), not the Status message that
    // names the resource: say the code like a refused list does, and which collection it was,
    // or a 403 on one kind reads as the whole cluster refusing.
    const message =
      statusCode && !reported.startsWith('HTTP ')
        ? `HTTP ${statusCode}: ${reported}, watching ${this.options.path}`
        : reported;
    if (statusCode === 404) {
      // The cluster does not serve this kind: no CRD, nothing to report as an outage.
      this.notInstalled = true;
      this.error = undefined;
    } else {
      this.error = {
        message,
        statusCode,
        since: this.error?.since ?? new Date(),
      };
      this.options.logger.warn(
        `Watching ${this.options.path} in cluster ${this.options.client.name} failed: ${message}`,
      );
    }
    this.resolveFirstSync();
    this.scheduleRestart(statusCode === 404);
  }

  private scheduleRestart(slowly: boolean) {
    clearTimeout(this.restartTimer);
    const delay = slowly
      ? this.options.maxBackoffMs
      : backoffDelay({
          attempt: this.failures,
          baseMs: RESTART_BASE_MS,
          maxMs: this.options.maxBackoffMs,
        });
    this.failures += 1;
    this.restartTimer = setTimeout(() => {
      if (!this.stopped) {
        this.informer.start().catch(error => this.onError(error));
      }
    }, delay);
    this.restartTimer.unref();
  }
}
