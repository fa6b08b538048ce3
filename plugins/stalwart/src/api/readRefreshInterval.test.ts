import { ConfigReader } from '@backstage/config';
import { readRefreshInterval } from './readRefreshInterval';

describe('readRefreshInterval', () => {
  it('defaults to 30 seconds', () => {
    expect(readRefreshInterval(new ConfigReader({}))).toBe(30_000);
  });

  it('reads stalwart.frontend.refreshInterval as a duration object or string', () => {
    expect(
      readRefreshInterval(
        new ConfigReader({
          stalwart: { frontend: { refreshInterval: { minutes: 2 } } },
        }),
      ),
    ).toBe(120_000);
    expect(
      readRefreshInterval(
        new ConfigReader({
          stalwart: { frontend: { refreshInterval: '45s' } },
        }),
      ),
    ).toBe(45_000);
  });

  it('lets the extension config override app-config', () => {
    const config = new ConfigReader({
      stalwart: { frontend: { refreshInterval: '45s' } },
    });
    expect(readRefreshInterval(config, '1m')).toBe(60_000);
  });

  it('refuses an interval that would hammer the backend, naming the value', () => {
    expect(() => readRefreshInterval(new ConfigReader({}), '1s')).toThrow(
      'Stalwart refreshInterval of 1000 ms is below the minimum of 5000 ms',
    );
  });
});
