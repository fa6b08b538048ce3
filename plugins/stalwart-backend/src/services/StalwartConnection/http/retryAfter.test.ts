import { retryAfterMs } from './retryAfter';

describe('retryAfterMs', () => {
  const now = () => Date.parse('2026-05-01T12:00:00Z');

  it('reads delay-seconds', () => {
    expect(retryAfterMs('7', now)).toBe(7000);
    expect(retryAfterMs(['0'], now)).toBe(0);
  });

  it('reads an HTTP-date as the time left until it, never negative', () => {
    expect(retryAfterMs('Fri, 01 May 2026 12:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Fri, 01 May 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores an absent or unreadable header', () => {
    expect(retryAfterMs(undefined, now)).toBeUndefined();
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs('-5', now)).toBeUndefined();
  });
});
