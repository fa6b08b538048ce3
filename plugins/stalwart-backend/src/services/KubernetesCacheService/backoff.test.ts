import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles with each attempt around the base delay', () => {
    const delays = [0, 1, 2, 3].map(attempt =>
      backoffDelay({ attempt, baseMs: 100, maxMs: 10_000, random: () => 0.5 }),
    );
    expect(delays).toEqual([100, 200, 400, 800]);
  });

  it('never waits longer than the cap plus jitter', () => {
    const delay = backoffDelay({
      attempt: 30,
      baseMs: 100,
      maxMs: 1_000,
      random: () => 1,
    });
    expect(delay).toBe(1_250);
  });

  it('spreads delays by a quarter either way', () => {
    const low = backoffDelay({
      attempt: 2,
      baseMs: 100,
      maxMs: 10_000,
      random: () => 0,
    });
    const high = backoffDelay({
      attempt: 2,
      baseMs: 100,
      maxMs: 10_000,
      random: () => 1,
    });
    expect([low, high]).toEqual([300, 500]);
  });
});
