import { createApiRef } from '@backstage/frontend-plugin-api';

/**
 * What one shared query knows right now.
 *
 * @public
 */
export interface QuerySnapshot<T> {
  /** The last successful answer, kept when a later refresh fails. */
  data?: T;
  /** The failure of the last attempt; cleared by the next success. */
  error?: Error;
  /** When `data` arrived (epoch milliseconds). */
  updatedAt?: number;
  /** A request is in flight. */
  fetching: boolean;
}

/**
 * Loads one query's value; aborted when no component watches it any more.
 *
 * @public
 */
export type Fetcher<T> = (signal: AbortSignal) => Promise<T>;

interface Entry {
  snapshot: QuerySnapshot<unknown>;
  listeners: Set<() => void>;
  fetcher: Fetcher<unknown>;
  inflight?: Promise<void>;
  timer?: ReturnType<typeof setInterval>;
}

const EMPTY: QuerySnapshot<never> = { fetching: false };

/**
 * Queries shared by every component of the page that asks for the same key: one request per
 * key at a time, one polling timer per key while anything watches it, and no polling while the
 * browser tab is hidden.
 *
 * @public
 */
export class SharedQueryCache {
  readonly refreshIntervalMs: number;
  private readonly entries = new Map<string, Entry>();
  private readonly now: () => number;

  constructor(options: { refreshIntervalMs: number; now?: () => number }) {
    this.refreshIntervalMs = options.refreshIntervalMs;
    this.now = options.now ?? Date.now;
  }

  snapshot<T>(key: string): QuerySnapshot<T> {
    return (this.entries.get(key)?.snapshot ?? EMPTY) as QuerySnapshot<T>;
  }

  /** Whether `key` has an answer yet: data, or the error of its last attempt. */
  answered(key: string): boolean {
    const snapshot = this.entries.get(key)?.snapshot;
    return snapshot?.data !== undefined || snapshot?.error !== undefined;
  }

  /**
   * Starts watching `key`; the first watcher (or one arriving after the data went old) fetches.
   * Returns the function that stops watching. `poll: false` refreshes only when asked (the
   * caller refreshes on a signal instead).
   */
  watch<T>(
    key: string,
    fetcher: Fetcher<T>,
    listener: () => void,
    options: { poll?: boolean } = {},
  ): () => void {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { snapshot: EMPTY, listeners: new Set(), fetcher };
      this.entries.set(key, entry);
    }
    entry.fetcher = fetcher as Fetcher<unknown>;
    entry.listeners.add(listener);

    const { updatedAt } = entry.snapshot;
    const old =
      updatedAt === undefined ||
      this.now() - updatedAt >= this.refreshIntervalMs;
    if (old) void this.refresh(key);
    if (!entry.timer && options.poll !== false) {
      entry.timer = setInterval(() => {
        if (!isDocumentHidden()) void this.refresh(key);
      }, this.refreshIntervalMs);
    }

    const watched = entry;
    return () => {
      watched.listeners.delete(listener);
      if (watched.listeners.size === 0 && watched.timer) {
        clearInterval(watched.timer);
        watched.timer = undefined;
      }
    };
  }

  /** Fetches `key` now, joining a request already in flight. */
  refresh(key: string): Promise<void> {
    const entry = this.entries.get(key);
    if (!entry) return Promise.resolve();
    if (entry.inflight) return entry.inflight;

    const controller = new AbortController();
    this.update(entry, { ...entry.snapshot, fetching: true });
    entry.inflight = entry
      .fetcher(controller.signal)
      .then(
        data =>
          this.update(entry, { data, updatedAt: this.now(), fetching: false }),
        (error: Error) =>
          this.update(entry, { ...entry.snapshot, error, fetching: false }),
      )
      .finally(() => {
        entry.inflight = undefined;
      });
    return entry.inflight;
  }

  private update(entry: Entry, snapshot: QuerySnapshot<unknown>) {
    entry.snapshot = snapshot;
    entry.listeners.forEach(listener => listener());
  }
}

/** The browser tab is in the background: polling would only spend the backend's work. */
export function isDocumentHidden(): boolean {
  return (
    typeof document !== 'undefined' && document.visibilityState === 'hidden'
  );
}

/**
 * The query cache shared by the Stalwart cards, pages and fields of the app.
 *
 * @public
 */
export const stalwartQueryCacheApiRef = createApiRef<SharedQueryCache>().with({
  id: 'plugin.stalwart.query-cache',
  pluginId: 'stalwart',
});
