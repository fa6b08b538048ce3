import { ConfigReader } from '@backstage/config';
import { readStalwartRemediationConfig } from './readStalwartRemediationConfig';

const read = (remediation?: object) =>
  readStalwartRemediationConfig(
    new ConfigReader(remediation ? { stalwart: { remediation } } : {}),
  );

describe('readStalwartRemediationConfig', () => {
  it('defaults to 10 remediation requests per user per minute and 16 KiB bodies', () => {
    expect(read()).toEqual({
      rateLimitRequests: 10,
      rateLimitWindowMs: 60_000,
      maxBodyBytes: 16384,
    });
  });

  it('reads the rate limit window as a duration and the body size with a unit', () => {
    expect(
      read({
        rateLimit: { requests: 3, window: { minutes: 5 } },
        maxBodySize: '64kb',
      }),
    ).toEqual({
      rateLimitRequests: 3,
      rateLimitWindowMs: 300_000,
      maxBodyBytes: 65536,
    });
    expect(read({ rateLimit: { window: '30s' } }).rateLimitWindowMs).toBe(
      30_000,
    );
  });

  it.each([
    [
      { rateLimit: { requests: 0 } },
      /requests must be a whole number of at least 1/,
    ],
    [{ rateLimit: { requests: 2.5 } }, /requests must be a whole number/],
    [
      { rateLimit: { window: { milliseconds: 10 } } },
      /window must be at least 1 second/,
    ],
    [{ maxBodySize: 'huge' }, /maxBodySize must be a size/],
    [
      { maxBodySize: '2mb' },
      /maxBodySize must be a size between 256 b and 1 mb/,
    ],
  ])('refuses %j, naming the key', (remediation, message) => {
    expect(() => read(remediation)).toThrow(message);
  });
});
