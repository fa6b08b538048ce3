import { useApi } from '@backstage/frontend-plugin-api';
import { useEffect, useRef, useState } from 'react';
import { QuerySnapshot, stalwartQueryCacheApiRef } from './SharedQueryCache';

/** One key of a list watch, with how to fetch it. */
export interface QuerySpec<T> {
  key: string;
  fetch: (signal: AbortSignal) => Promise<T>;
}

/**
 * Watches many keys of the shared cache at once (the fleet page's rows): snapshots by key,
 * sharing requests with any card watching the same keys.
 */
export function useSharedQueries<T>(
  specs: QuerySpec<T>[],
): Map<string, QuerySnapshot<T>> {
  const cache = useApi(stalwartQueryCacheApiRef);
  const specsRef = useRef(specs);
  specsRef.current = specs;
  const keys = specs.map(s => s.key).join('\n');
  const [snapshots, setSnapshots] = useState(
    () => new Map<string, QuerySnapshot<T>>(),
  );

  useEffect(() => {
    const current = specsRef.current;
    const sync = () =>
      setSnapshots(
        new Map(current.map(s => [s.key, cache.snapshot<T>(s.key)])),
      );
    const stops = current.map(s => cache.watch<T>(s.key, s.fetch, sync));
    sync();
    return () => stops.forEach(stop => stop());
  }, [cache, keys]);

  return snapshots;
}
