import { ConfigReader } from '@backstage/config';
import { readStalwartDriftConfig } from './readStalwartDriftConfig';

const read = (drift?: object) =>
  readStalwartDriftConfig(
    new ConfigReader(drift ? { stalwart: { drift } } : {}),
    '/srv/backstage/packages/backend',
  );

describe('readStalwartDriftConfig', () => {
  it('reads no plan from disk unless directories are named', () => {
    expect(read()).toEqual({ planDirectories: [] });
  });

  it('resolves relative directories against the working directory, as catalog file locations', () => {
    expect(
      read({ planDirectories: ['../../examples/demo-fleet', '/gitops'] }),
    ).toEqual({
      planDirectories: ['/srv/backstage/examples/demo-fleet', '/gitops'],
    });
  });

  it('refuses an empty entry, which would name the working directory', () => {
    expect(() => read({ planDirectories: [' '] })).toThrow(
      'stalwart.drift.planDirectories has an empty entry',
    );
  });
});
