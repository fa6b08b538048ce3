import {
  coreServices,
  createBackendPlugin,
} from '@backstage/backend-plugin-api';
import { actionsRegistryServiceRef } from '@backstage/backend-plugin-api/alpha';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { notificationService } from '@backstage/plugin-notifications-node';
import { signalsServiceRef } from '@backstage/plugin-signals-node';
import { targetPaths } from '@backstage/cli-common';
import {
  LocalFleetRepository,
  readLocalGitOpsConfig,
} from '@stalwart-backstage/plugin-scaffolder-backend-module-stalwart';
import { stalwartPermissions } from '@stalwart-backstage/plugin-stalwart-common';
import { registerStalwartActions } from './actions';
import { readStalwartConnectionConfig } from './config/readStalwartConnectionConfig';
import { readStalwartDriftConfig } from './config/readStalwartDriftConfig';
import { readStalwartGitOpsConfig } from './config/readStalwartGitOpsConfig';
import { readStalwartNotificationsConfig } from './config/readStalwartNotificationsConfig';
import { createOwnerNotifier } from './services/OwnerNotifications/createOwnerNotifier';
import { readStalwartRemediationConfig } from './config/readStalwartRemediationConfig';
import { readStalwartStatusConfig } from './config/readStalwartStatusConfig';
import { localProposalReader } from './services/StatusService/readProposal';
import { isInstanceOwner, stalwartInstanceResourceRef } from './permissions';
import { createRouter } from './router';
import { createInstanceResolver } from './services/InstanceResolver/createInstanceResolver';
import { createEntityAccessService } from './services/EntityAccess/createEntityAccessService';
import { createAdoptionService } from './services/AdoptionService/createAdoptionService';
import { hostedPublishers } from './services/AdoptionService/publishers/hostedPublisher';
import { localPublisher } from './services/AdoptionService/publishers/localPublisher';
import { createDriftService } from './services/DriftService/createDriftService';
import { clusterClientServiceRef } from './services/ClusterClientService/clusterClientServiceRef';
import { createGitOpsActionService } from './services/GitOpsActions/createGitOpsActionService';
import { createObjectClient } from './services/ClusterClientService/createObjectClient';
import { createKubernetesCacheService } from './services/KubernetesCacheService/createKubernetesCacheService';
import { createRemediationService } from './services/RemediationService/createRemediationService';
import { RateLimiter } from './services/RemediationService/RateLimiter';
import { createWorkloadPatcher } from './services/RemediationService/WorkloadPatcher';
import { createStalwartConnectionService } from './services/StalwartConnection/createStalwartConnectionService';
import { createStatusService } from './services/StatusService/createStatusService';
import { createProposalMergeService } from './services/ProposalMerge/createProposalMergeService';
import { createStatusSignals } from './services/StatusSignals/createStatusSignals';

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
        clusterClients: clusterClientServiceRef,
        actionsRegistry: actionsRegistryServiceRef,
        scheduler: coreServices.scheduler,
        pluginCache: coreServices.cache,
        notifications: notificationService,
        signals: signalsServiceRef,
      },
      async init(deps) {
        const { config, logger, auth, catalog, lifecycle, clusterClients } =
          deps;
        const statusConfig = readStalwartStatusConfig(config);
        const connectionConfig = readStalwartConnectionConfig(config);
        const remediationConfig = readStalwartRemediationConfig(config);
        const cache = createKubernetesCacheService({
          config: statusConfig,
          logger,
          clusterClients,
        });
        lifecycle.addShutdownHook(() => cache.stop());
        const connections = createStalwartConnectionService({
          statusConfig,
          config: connectionConfig,
          cache,
          clusterClients,
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

        const { planDirectories, planSource } = readStalwartDriftConfig(config);
        // Adoptions are proposed, and proposals read, in the fleet repository the scaffolder
        // publishes to; with planSource localRepository, drift reads its default branch too.
        const gitops = readLocalGitOpsConfig(config, targetPaths.rootDir);
        let fleet: Promise<LocalFleetRepository> | undefined;
        const repository = () =>
          (fleet ??= LocalFleetRepository.open({
            dir: gitops.localRepository,
            defaultBranch: gitops.defaultBranch,
          }).catch(error => {
            fleet = undefined;
            throw error;
          }));
        const driftService = createDriftService({
          connections,
          cache,
          urlReader: deps.urlReader,
          planDirectories,
          localRepository:
            planSource === 'localRepository'
              ? { repository, defaultBranch: gitops.defaultBranch }
              : undefined,
        });
        // An instance whose catalog file lives on GitHub or GitLab gets a pull or merge request
        // through the template's own publish actions; any other a branch of the local repository.
        const hosted = hostedPublishers({
          config,
          urlReader: deps.urlReader,
          logger,
        });
        const local = localPublisher({
          repository,
          defaultBranch: gitops.defaultBranch,
        });
        const adoptionService = createAdoptionService({
          drift: driftService,
          publisherFor: (entity, credentials) =>
            hosted.forEntity(entity, credentials) ?? local,
          planDirectories,
          auditor: deps.auditor,
        });
        // Tabs showing an instance refresh on a signal when its verdict or lifecycle changes.
        const unsignalledStatus = createStatusService({
          config: statusConfig,
          cache,
          clusters: clusterClients,
          readProposal: localProposalReader({
            repoDir: gitops.localRepository,
            defaultBranch: gitops.defaultBranch,
          }),
        });
        const statusSignals = createStatusSignals({
          statusService: unsignalledStatus,
          cache,
          signals: deps.signals,
          logger,
        });
        lifecycle.addShutdownHook(() => statusSignals.stop());
        const { statusService } = statusSignals;
        const entityAccess = createEntityAccessService({
          permissions: deps.permissions,
          catalog,
          ttlMs: statusConfig.accessCacheTtlMs,
          maxEntries: statusConfig.accessCacheMaxEntries,
        });
        const resolver = createInstanceResolver({
          entityAccess,
          permissions: deps.permissions,
          catalog,
        });
        const gitopsActions = createGitOpsActionService({
          cache,
          objects: createObjectClient({
            clusterClients,
            requestTimeoutMs: statusConfig.requestTimeoutMs,
          }),
          auditor: deps.auditor,
          config: readStalwartGitOpsConfig(config),
          configuredClusters: () => clusterClients.clusterNames(),
          argoCdNamespaces: statusConfig.argoCdNamespaces,
        });
        // One limit per user for GitOps writes, whether from the tab or an AI agent.
        const gitopsRateLimiter = new RateLimiter({
          capacity: remediationConfig.rateLimitRequests,
          windowMs: remediationConfig.rateLimitWindowMs,
          what: 'GitOps action',
        });
        deps.httpRouter.use(
          await createRouter({
            httpAuth: deps.httpAuth,
            resolver,
            statusService,
            driftService,
            adoptionService,
            remediationService: createRemediationService({
              drift: driftService,
              patcher: createWorkloadPatcher({
                clusterClients,
                requestTimeoutMs: statusConfig.requestTimeoutMs,
              }),
              auditor: deps.auditor,
            }),
            rateLimiter: new RateLimiter({
              capacity: remediationConfig.rateLimitRequests,
              windowMs: remediationConfig.rateLimitWindowMs,
            }),
            gitopsActions,
            gitopsRateLimiter,
            proposals: createProposalMergeService({
              repoDir: gitops.localRepository,
              defaultBranch: gitops.defaultBranch,
              auditor: deps.auditor,
            }),
            maxBodyBytes: remediationConfig.maxBodyBytes,
          }),
        );
        const notificationsConfig = readStalwartNotificationsConfig(config);
        // A global task: one backend of the cluster runs each pass, so owners hear once.
        const notifyOwners = createOwnerNotifier({
          auth,
          catalog,
          cache: deps.pluginCache,
          // Its fleet-wide reads are not someone looking at a tab.
          statusService: unsignalledStatus,
          notifications: deps.notifications,
          logger,
          expiryThresholdDays: notificationsConfig.certificateExpiryDays,
          drift: notificationsConfig.drift.enabled
            ? {
                service: driftService,
                maxInstancesPerRun:
                  notificationsConfig.drift.maxInstancesPerRun,
              }
            : undefined,
        });
        // Registered once the backend has started, so scheduling never delays its startup.
        lifecycle.addStartupHook(() => {
          if (!notificationsConfig.enabled) return;
          deps.scheduler
            .scheduleTask({
              id: 'stalwart-owner-notifications',
              scope: 'global',
              frequency: notificationsConfig.frequency,
              timeout: { minutes: 5 },
              initialDelay: { seconds: 20 },
              fn: async () => {
                await notifyOwners();
              },
            })
            .catch(error =>
              logger.error(
                `Could not schedule the owner notifications: ${error}`,
              ),
            );
        });
        registerStalwartActions({
          actionsRegistry: deps.actionsRegistry,
          catalog,
          entityAccess,
          resolver,
          statusService,
          driftService,
          adoptionService,
          gitopsActions,
          rateLimiter: gitopsRateLimiter,
        });
        deps.httpRouter.addAuthPolicy({
          path: '/health',
          allow: 'unauthenticated',
        });
      },
    });
  },
});
