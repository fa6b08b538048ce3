import { createBackendModule } from '@backstage/backend-plugin-api';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';

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
      },
      async init({ scaffolderActions }) {
        scaffolderActions.addActions();
      },
    });
  },
});
