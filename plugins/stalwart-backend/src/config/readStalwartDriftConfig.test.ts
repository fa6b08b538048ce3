import { ConfigReader } from '@backstage/config';
import { readStalwartDriftConfig } from './readStalwartDriftConfig';

const read = (drift?: object) =>
  readStalwartDriftConfig(
    new ConfigReader(drift ? { stalwart: { drift } } : {}),
    '/srv/backstage/packages/backend',
  );

describe('readStalwartDriftConfig', () => {
  it('reads no plan from disk unless directories are named', () => {
    expect(read()).toEqual({ planSource: 'catalog', planDirectories: [] });
  });

  it('resolves relative directories against the working directory, as catalog file locations', () => {
    expect(
      read({ planDirectories: ['../../examples/demo-fleet', '/gitops'] }),
    ).toEqual({
      planSource: 'catalog',
      planDirectories: ['/srv/backstage/examples/demo-fleet', '/gitops'],
    });
  });

  it('refuses an empty entry, which would name the working directory', () => {
    expect(() => read({ planDirectories: [' '] })).toThrow(
      'stalwart.drift.planDirectories has an empty entry',
    );
  });

  it('reads plans from the local fleet repository when told so', () => {
    expect(read({ planSource: 'localRepository' }).planSource).toBe(
      'localRepository',
    );
  });

  it('refuses a plan source it does not know, naming the choices', () => {
    expect(() => read({ planSource: 'github' })).toThrow(
      'stalwart.drift.planSource must be one of catalog, localRepository, not "github"',
    );
  });
});
