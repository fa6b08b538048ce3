import { TestApiProvider } from '@backstage/test-utils';
import { renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { SharedQueryCache, stalwartQueryCacheApiRef } from './SharedQueryCache';
import { QuerySpec, useSharedQueries } from './useSharedQueries';

describe('useSharedQueries', () => {
  function render(
    specs: QuerySpec<number>[],
    refreshIntervalMs = 60_000,
    cache = new SharedQueryCache({ refreshIntervalMs }),
  ) {
    const wrapper = ({ children }: { children: ReactNode }) => (
      <TestApiProvider apis={[[stalwartQueryCacheApiRef, cache]]}>
        {children}
      </TestApiProvider>
    );
    return renderHook(() => useSharedQueries(specs), { wrapper });
  }

  it('gathers a fleet of answers arriving one task apart about once per frame, not once per answer', async () => {
    const specs = Array.from({ length: 500 }, (_, i) => ({
      key: `status:${i}`,
      // Each answer in its own task a millisecond apart, as network responses arrive.
      fetch: () => new Promise<number>(r => setTimeout(() => r(i), i)),
    }));
    const snapshotSpy = jest.spyOn(SharedQueryCache.prototype, 'snapshot');
    const { result } = render(specs);

    await waitFor(() =>
      expect(result.current.get('status:499')?.data).toBe(499),
    );
    expect([...result.current.values()].every(s => s.data !== undefined)).toBe(
      true,
    );
    // Gathering every key per answer would read 500 x 1,000 snapshots (quadratic in the fleet);
    // once per frame over the half second the answers take reads about 500 x 30.
    expect(snapshotSpy.mock.calls.length).toBeLessThan(500 * 100);
    snapshotSpy.mockRestore();
  });

  it('polls a fleet of keys on one timer, so the reads of one interval go out together', async () => {
    const setIntervalSpy = jest.spyOn(global, 'setInterval');
    const calls: string[] = [];
    const specs = ['a', 'b', 'c'].map(key => ({
      key,
      fetch: async () => {
        calls.push(key);
        return 1;
      },
    }));
    const { unmount } = render(specs, 40);

    await waitFor(() => expect(calls.length).toBeGreaterThanOrEqual(9));
    unmount();
    expect(
      setIntervalSpy.mock.calls.filter(([, ms]) => ms === 40),
    ).toHaveLength(1);
    setIntervalSpy.mockRestore();
    const rounds = calls.length - (calls.length % 3);
    for (let i = 0; i < rounds; i += 3) {
      expect(calls.slice(i, i + 3)).toEqual(['a', 'b', 'c']);
    }
  });

  it('sends the first requests only after the page asking for them has been drawn', async () => {
    const fetch = jest.fn(async () => 1);
    const { result } = render([{ key: 'a', fetch }]);

    // Rendered and its effects run, but no frame painted yet: nothing asked, nothing shown.
    expect(fetch).not.toHaveBeenCalled();
    expect(result.current.get('a')).toBeUndefined();
    await waitFor(() => expect(result.current.get('a')?.data).toBe(1));
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('shows an answer the cache already holds in the first render after mounting, without waiting for a frame', async () => {
    const cache = new SharedQueryCache({ refreshIntervalMs: 60_000 });
    const stop = cache.watch(
      'a',
      async () => 7,
      () => {},
    );
    await waitFor(() => expect(cache.answered('a')).toBe(true));
    stop();

    const { result } = render(
      [{ key: 'a', fetch: async () => 8 }],
      60_000,
      cache,
    );

    expect(result.current.get('a')?.data).toBe(7);
  });
});
