import { SharedQueryCache } from './SharedQueryCache';

describe('SharedQueryCache', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function deferred<T>() {
    let resolve!: (value: T) => void;
    let reject!: (error: Error) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    return { promise, resolve, reject };
  }

  it('makes one request for any number of watchers of a key', async () => {
    const cache = new SharedQueryCache({ refreshIntervalMs: 30_000 });
    const fetcher = jest.fn(async () => 'status');
    const stops = [1, 2, 3].map(() =>
      cache.watch('status:a', fetcher, () => {}),
    );
    await cache.refresh('status:a');

    expect(fetcher).toHaveBeenCalledTimes(1);
    expect(cache.snapshot('status:a').data).toBe('status');
    stops.forEach(stop => stop());
  });

  it('polls once per interval while watched and stops with the last watcher', async () => {
    const cache = new SharedQueryCache({ refreshIntervalMs: 30_000 });
    const fetcher = jest.fn(async () => 'status');
    const stopA = cache.watch('status:a', fetcher, () => {});
    const stopB = cache.watch('status:a', fetcher, () => {});
    await jest.advanceTimersByTimeAsync(90_000);
    expect(fetcher).toHaveBeenCalledTimes(4);

    stopA();
    await jest.advanceTimersByTimeAsync(30_000);
    expect(fetcher).toHaveBeenCalledTimes(5);
    stopB();
    await jest.advanceTimersByTimeAsync(120_000);
    expect(fetcher).toHaveBeenCalledTimes(5);
  });

  it('does not fetch again for a watcher that arrives while the data is fresh', async () => {
    let now = 0;
    const cache = new SharedQueryCache({
      refreshIntervalMs: 30_000,
      now: () => now,
    });
    const fetcher = jest.fn(async () => 'status');
    cache.watch('status:a', fetcher, () => {})();
    // Joins the request the first watcher started.
    await cache.refresh('status:a');
    expect(fetcher).toHaveBeenCalledTimes(1);

    now = 10_000;
    cache.watch('status:a', fetcher, () => {})();
    expect(fetcher).toHaveBeenCalledTimes(1);

    now = 30_000;
    cache.watch('status:a', fetcher, () => {})();
    expect(fetcher).toHaveBeenCalledTimes(2);
  });

  it('keeps the last data when a refresh fails and clears the error on the next success', async () => {
    const cache = new SharedQueryCache({
      refreshIntervalMs: 30_000,
      now: () => 1000,
    });
    const answers = [
      deferred<string>(),
      deferred<string>(),
      deferred<string>(),
    ];
    let call = 0;
    const listener = jest.fn();
    const stop = cache.watch('k', () => answers[call++].promise, listener);

    answers[0].resolve('first');
    await cache.refresh('k');
    const failing = cache.refresh('k');
    answers[1].reject(new Error('boom'));
    await failing;
    expect(cache.snapshot('k')).toMatchObject({
      data: 'first',
      fetching: false,
    });
    expect(cache.snapshot('k').error?.message).toBe('boom');

    const succeeding = cache.refresh('k');
    answers[2].resolve('second');
    await succeeding;
    expect(cache.snapshot('k')).toEqual({
      data: 'second',
      updatedAt: 1000,
      fetching: false,
    });
    expect(listener).toHaveBeenCalled();
    stop();
  });
});
