import { useApi } from '@backstage/frontend-plugin-api';
import { useEffect, useRef, useState } from 'react';
import {
  isDocumentHidden,
  QuerySnapshot,
  stalwartQueryCacheApiRef,
} from './SharedQueryCache';
import { afterNextPaint, coalescePerFrame } from './coalescePerFrame';

/** One key of a list watch, with how to fetch it. */
export interface QuerySpec<T> {
  key: string;
  fetch: (signal: AbortSignal) => Promise<T>;
}

/**
 * Watches many keys of the shared cache at once (the fleet page's rows): snapshots by key,
 * sharing requests with any card watching the same keys. All keys are polled together on one
 * timer, so a fleet's status reads go out in the same batches and its answers arrive in one
 * burst per interval instead of a steady trickle that keeps the page re-rendering.
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
    // Each of a fleet's thousands of answers arrives in its own task: one snapshot of all
    // keys and one render per frame, not one per answer (which is quadratic in the fleet).
    const scheduled = coalescePerFrame(sync);
    let stops: Array<() => void> = [];
    let poll: ReturnType<typeof setInterval> | undefined;
    // Thousands of watches and their requests take a while to start: the page that asks for
    // them is drawn first.
    const cancelStart = afterNextPaint(() => {
      stops = current.map(s =>
        cache.watch<T>(s.key, s.fetch, scheduled, { poll: false }),
      );
      poll = setInterval(() => {
        if (!isDocumentHidden())
          current.forEach(s => void cache.refresh(s.key));
      }, cache.refreshIntervalMs);
      sync();
    });
    // Answers this page or a card already has are shown at once, not after the paint.
    if (current.some(s => cache.answered(s.key))) sync();
    return () => {
      cancelStart();
      clearInterval(poll);
      scheduled.cancel();
      stops.forEach(stop => stop());
    };
  }, [cache, keys]);

  return snapshots;
}
