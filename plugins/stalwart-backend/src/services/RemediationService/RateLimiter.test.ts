import { RateLimiter } from './RateLimiter';

describe('RateLimiter', () => {
  let now = 0;
  const limiter = () =>
    new RateLimiter({ capacity: 3, windowMs: 60_000, now: () => now });
  beforeEach(() => {
    now = 1_000_000;
  });

  it('lets a user send up to the capacity at once, then answers 429 with the wait', () => {
    const rate = limiter();
    for (let i = 0; i < 3; i++) rate.take('user:default/ana');

    const error = (() => {
      try {
        rate.take('user:default/ana');
        return undefined;
      } catch (e) {
        return e as any;
      }
    })();

    expect(error).toMatchObject({
      name: 'RemediationRateLimitedError',
      statusCode: 429,
      retryAfterSeconds: 20,
    });
    expect(error.message).toBe(
      'Too many remediation requests: at most 3 per 60 s per user; try again in 20 s',
    );
  });

  it('counts each user separately', () => {
    const rate = limiter();
    for (let i = 0; i < 3; i++) rate.take('user:default/ana');
    expect(() => rate.take('user:default/bo')).not.toThrow();
  });

  it('refills one request per window / capacity', () => {
    const rate = limiter();
    for (let i = 0; i < 3; i++) rate.take('user:default/ana');
    now += 19_999;
    expect(() => rate.take('user:default/ana')).toThrow(/try again in 1 s/);
    now += 1;
    expect(() => rate.take('user:default/ana')).not.toThrow();
    expect(() => rate.take('user:default/ana')).toThrow();
  });

  it('never stores more than the capacity, however long a user waits', () => {
    const rate = limiter();
    rate.take('user:default/ana');
    now += 10 * 60_000;
    for (let i = 0; i < 3; i++) rate.take('user:default/ana');
    expect(() => rate.take('user:default/ana')).toThrow();
  });
});
