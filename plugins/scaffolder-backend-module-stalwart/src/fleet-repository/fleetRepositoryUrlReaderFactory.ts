import { createServiceFactory } from '@backstage/backend-plugin-api';
import { urlReaderFactoriesServiceRef } from '@backstage/backend-defaults/urlReader';
import { targetPaths } from '@backstage/cli-common';
import { readLocalGitOpsConfig } from '../config/readLocalGitOpsConfig';
import { createFleetRepositoryUrlReader } from './createFleetRepositoryUrlReader';
import { LocalFleetRepository } from './LocalFleetRepository';

/**
 * Adds a URL reader for the local fleet repository's branches to every plugin's UrlReader, so
 * `catalog:register` can register the catalog-info.yaml that `stalwart:publish:local`
 * committed. It reads only inside `stalwart.gitops.localRepository`.
 *
 * @public
 */
export const fleetRepositoryUrlReaderFactory = createServiceFactory({
  service: urlReaderFactoriesServiceRef,
  deps: {},
  async factory() {
    return ({ config }) => {
      const gitops = readLocalGitOpsConfig(config, targetPaths.rootDir);
      const repository = LocalFleetRepository.at({
        dir: gitops.localRepository,
        defaultBranch: gitops.defaultBranch,
      });
      return [
        createFleetRepositoryUrlReader(
          async () => repository,
          gitops.localRepository,
        ),
      ];
    };
  },
});
