import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { stalwartPermissions } from '@stalwart-backstage/plugin-stalwart-common';
import { readStalwartStatusConfig } from './config/readStalwartStatusConfig';
import { isInstanceOwner, stalwartInstanceResourceRef } from './permissions';
import { createRouter } from './router';
import { createKubernetesCacheService } from './services/KubernetesCacheService/createKubernetesCacheService';
import { createStatusService } from './services/StatusService/createStatusService';

/**
 * The Stalwart backend plugin: instance status and settings drift under /api/stalwart.
 *
 * @public
 */
export const stalwartPlugin = createBackendPlugin({
  pluginId: 'stalwart',
  register(env) {
    env.registerInit({
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        lifecycle: coreServices.lifecycle,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const { config, logger, auth, catalog, lifecycle } = deps;
        const statusConfig = readStalwartStatusConfig(config);
        const cache = createKubernetesCacheService({
          config: statusConfig,
          logger,
        });
        lifecycle.addShutdownHook(() => cache.stop());

        deps.permissionsRegistry.addResourceType({
          resourceRef: stalwartInstanceResourceRef,
          permissions: stalwartPermissions,
          rules: [isInstanceOwner],
          // The permission framework asks with the plugin's own identity, not a user's.
          getResources: async entityRefs => {
            const { items } = await catalog.getEntitiesByRefs(
              { entityRefs },
              { credentials: await auth.getOwnServiceCredentials() },
            );
            return items.map(entity => entity ?? undefined);
          },
        });

        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            statusService: createStatusService({
              config: statusConfig,
              cache,
              catalog,
            }),
          }),
        );
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
