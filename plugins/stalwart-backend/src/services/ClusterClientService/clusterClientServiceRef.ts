import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import { readClusters } from '../../config/readClusters';
import { readClusterRefreshInterval } from '../../config/readClusterRefreshInterval';
import { clusterSuppliersFromConfig } from '../ClusterSupplier/clusterSuppliersFromConfig';
import {
  ClusterClientService,
  createClusterClientService,
} from './createClusterClientService';
import { sharedAuthStrategies } from './sharedAuthStrategies';

/**
 * The Stalwart backend's cluster clients, per plugin, for the clusters of
 * `kubernetes.clusterLocatorMethods`: the fixed ones read at startup, the `catalog` ones read
 * again every `stalwart.clusters.refreshInterval`.
 *
 * @public
 */
export const clusterClientServiceRef = createServiceRef<ClusterClientService>({
  id: 'stalwart.cluster-clients',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: {
        config: coreServices.rootConfig,
        logger: coreServices.logger,
        auth: coreServices.auth,
        catalog: catalogServiceRef,
        scheduler: coreServices.scheduler,
        lifecycle: coreServices.lifecycle,
      },
      factory: ({ config, logger, auth, catalog, scheduler, lifecycle }) => {
        const suppliers = clusterSuppliersFromConfig({ config, catalog, auth });
        const clusterClients = createClusterClientService({
          ...readClusters(config),
          suppliers,
          authStrategies: sharedAuthStrategies({ config, logger }),
          logger,
        });
        if (suppliers.length > 0) {
          const frequency = readClusterRefreshInterval(config);
          // After startup, so the catalog answers; each replica keeps its own list.
          lifecycle.addStartupHook(() =>
            scheduler.scheduleTask({
              id: 'stalwart-cluster-locators',
              scope: 'local',
              frequency,
              timeout: { minutes: 2 },
              fn: () => clusterClients.refresh(),
            }),
          );
        }
        return clusterClients;
      },
    }),
});
