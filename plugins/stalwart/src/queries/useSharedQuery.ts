import { useApi } from '@backstage/frontend-plugin-api';
import { useCallback, useEffect, useRef, useState } from 'react';
import { QuerySnapshot, stalwartQueryCacheApiRef } from './SharedQueryCache';

/**
 * A query result with its refresh function.
 *
 * @public
 */
export type SharedQueryResult<T> = QuerySnapshot<T> & {
  refresh: () => Promise<void>;
};

/**
 * Watches one key of the shared query cache; components asking for the same key share its
 * request and its polling. `key` undefined watches nothing; `poll: false` fetches only when
 * first watched and when refreshed.
 */
export function useSharedQuery<T>(
  key: string | undefined,
  fetcher: (signal: AbortSignal) => Promise<T>,
  options: { poll?: boolean } = {},
): SharedQueryResult<T> {
  const poll = options.poll ?? true;
  const cache = useApi(stalwartQueryCacheApiRef);
  const fetcherRef = useRef(fetcher);
  fetcherRef.current = fetcher;
  const [snapshot, setSnapshot] = useState<QuerySnapshot<T>>(() =>
    key ? cache.snapshot<T>(key) : { fetching: false },
  );

  useEffect(() => {
    if (!key) return undefined;
    const sync = () => setSnapshot(cache.snapshot<T>(key));
    const stop = cache.watch<T>(key, s => fetcherRef.current(s), sync, {
      poll,
    });
    sync();
    return stop;
  }, [cache, key, poll]);

  const refresh = useCallback(
    () => (key ? cache.refresh(key) : Promise.resolve()),
    [cache, key],
  );
  return { ...snapshot, refresh };
}
