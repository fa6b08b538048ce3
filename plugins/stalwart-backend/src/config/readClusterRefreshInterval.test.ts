import { ConfigReader } from '@backstage/config';
import { readClusterRefreshInterval } from './readClusterRefreshInterval';

const read = (stalwart: object) =>
  readClusterRefreshInterval(new ConfigReader({ stalwart }));

describe('readClusterRefreshInterval', () => {
  it('reads the catalog and gke locators again every minute unless told otherwise', () => {
    expect(read({})).toEqual({ minutes: 1 });
    expect(read({ clusters: { refreshInterval: { seconds: 30 } } })).toEqual({
      seconds: 30,
    });
    expect(read({ clusters: { refreshInterval: 'PT5M' } })).toEqual({
      minutes: 5,
    });
  });

  it('names the key when the interval is not a duration', () => {
    expect(() => read({ clusters: { refreshInterval: 'often' } })).toThrow(
      /^stalwart\.clusters\.refreshInterval must be a duration such as .*'often'/,
    );
  });
});
