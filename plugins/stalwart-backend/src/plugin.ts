import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { targetPaths } from '@backstage/cli-common';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import {
  LocalFleetRepository,
  readLocalGitOpsConfig,
} from '@stalwart-backstage/plugin-scaffolder-backend-module-stalwart';
import { stalwartPermissions } from '@stalwart-backstage/plugin-stalwart-common';
import { readStalwartConnectionConfig } from './config/readStalwartConnectionConfig';
import { readStalwartDriftConfig } from './config/readStalwartDriftConfig';
import { readStalwartRemediationConfig } from './config/readStalwartRemediationConfig';
import { readStalwartStatusConfig } from './config/readStalwartStatusConfig';
import { isInstanceOwner, stalwartInstanceResourceRef } from './permissions';
import { createRouter } from './router';
import { createEntityAccessService } from './services/EntityAccess/createEntityAccessService';
import { createAdoptionService } from './services/AdoptionService/createAdoptionService';
import { createDriftService } from './services/DriftService/createDriftService';
import { createKubernetesCacheService } from './services/KubernetesCacheService/createKubernetesCacheService';
import { createRemediationService } from './services/RemediationService/createRemediationService';
import { RateLimiter } from './services/RemediationService/RateLimiter';
import { createWorkloadPatcher } from './services/RemediationService/WorkloadPatcher';
import { createStalwartConnectionService } from './services/StalwartConnection/createStalwartConnectionService';
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
        auditor: coreServices.auditor,
        httpAuth: coreServices.httpAuth,
        httpRouter: coreServices.httpRouter,
        lifecycle: coreServices.lifecycle,
        permissions: coreServices.permissions,
        permissionsRegistry: coreServices.permissionsRegistry,
        urlReader: coreServices.urlReader,
        catalog: catalogServiceRef,
      },
      async init(deps) {
        const { config, logger, auth, catalog, lifecycle } = deps;
        const statusConfig = readStalwartStatusConfig(config);
        const connectionConfig = readStalwartConnectionConfig(config);
        const remediationConfig = readStalwartRemediationConfig(config);
        const cache = createKubernetesCacheService({
          config: statusConfig,
          logger,
        });
        lifecycle.addShutdownHook(() => cache.stop());
        const connections = createStalwartConnectionService({
          statusConfig,
          config: connectionConfig,
          cache,
        });
        lifecycle.addShutdownHook(() => connections.stop());

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

        const { planDirectories } = readStalwartDriftConfig(config);
        const driftService = createDriftService({
          catalog,
          connections,
          cache,
          urlReader: deps.urlReader,
          planDirectories,
        });
        // Adoptions are proposed in the same fleet repository the scaffolder publishes to.
        const gitops = readLocalGitOpsConfig(config, targetPaths.rootDir);
        let fleet: Promise<LocalFleetRepository> | undefined;
        const adoptionService = createAdoptionService({
          drift: driftService,
          repository: () =>
            (fleet ??= LocalFleetRepository.open({
              dir: gitops.localRepository,
              defaultBranch: gitops.defaultBranch,
            }).catch(error => {
              fleet = undefined;
              throw error;
            })),
          defaultBranch: gitops.defaultBranch,
          planDirectories,
          auditor: deps.auditor,
        });
        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            permissions: deps.permissions,
            statusService: createStatusService({
              config: statusConfig,
              cache,
            }),
            entityAccess: createEntityAccessService({
              permissions: deps.permissions,
              catalog,
              ttlMs: statusConfig.accessCacheTtlMs,
              maxEntries: statusConfig.accessCacheMaxEntries,
            }),
            driftService,
            adoptionService,
            remediationService: createRemediationService({
              drift: driftService,
              patcher: createWorkloadPatcher({
                clusters: statusConfig.clusters,
                requestTimeoutMs: statusConfig.requestTimeoutMs,
              }),
              auditor: deps.auditor,
            }),
            rateLimiter: new RateLimiter({
              capacity: remediationConfig.rateLimitRequests,
              windowMs: remediationConfig.rateLimitWindowMs,
            }),
            maxBodyBytes: remediationConfig.maxBodyBytes,
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
