import {
  coreServices,
  createBackendModule,
} from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import { targetPaths } from '@backstage/cli-common';
import {
  createCatalogRenderAction,
  createGitOpsRenderAction,
  createPublishLocalAction,
  createSpecValidateAction,
  createValuesRenderAction,
} from './actions';
import { readLocalGitOpsConfig } from './config/readLocalGitOpsConfig';
import { LocalFleetRepository } from './fleet-repository/LocalFleetRepository';

/**
 * Registers the Stalwart actions with the scaffolder.
 *
 * @public
 */
export const stalwartScaffolderModule = createBackendModule({
  pluginId: 'scaffolder',
  moduleId: 'stalwart',
  register({ registerInit }) {
    registerInit({
      deps: {
        scaffolderActions: scaffolderActionsExtensionPoint,
        config: coreServices.rootConfig,
      },
      async init({ scaffolderActions, config }) {
        const gitops = readLocalGitOpsConfig(config, targetPaths.rootDir);
        let opened: Promise<LocalFleetRepository> | undefined;
        const repository = () => {
          opened ??= LocalFleetRepository.open({
            dir: gitops.localRepository,
            defaultBranch: gitops.defaultBranch,
          }).catch(error => {
            opened = undefined;
            throw error;
          });
          return opened;
        };
        scaffolderActions.addActions(
          createSpecValidateAction(),
          createValuesRenderAction(),
          createGitOpsRenderAction(),
          createCatalogRenderAction(),
          createPublishLocalAction({ config: gitops, repository }),
        );
      },
    });
  },
});
