import { ConfigReader } from '@backstage/config';
import { readLocalGitOpsConfig } from './readLocalGitOpsConfig';

describe('readLocalGitOpsConfig', () => {
  it('defaults to .data/fleet-repo below the repository root and the main branch', () => {
    expect(
      readLocalGitOpsConfig(new ConfigReader({}), '/srv/backstage'),
    ).toEqual({
      localRepository: '/srv/backstage/.data/fleet-repo',
      defaultBranch: 'main',
    });
  });

  it('resolves a relative path against the root and keeps an absolute one', () => {
    const read = (localRepository: string) =>
      readLocalGitOpsConfig(
        new ConfigReader({ stalwart: { gitops: { localRepository } } }),
        '/srv/backstage',
      ).localRepository;
    expect(read('../fleet')).toBe('/srv/fleet');
    expect(read('/var/lib/fleet')).toBe('/var/lib/fleet');
  });

  it('refuses a default branch git would not accept, naming the key', () => {
    expect(() =>
      readLocalGitOpsConfig(
        new ConfigReader({
          stalwart: { gitops: { localDefaultBranch: 'a..b' } },
        }),
        '/',
      ),
    ).toThrow(
      'stalwart.gitops.localDefaultBranch "a..b" is not a valid branch name',
    );
  });
});
