import {
  coreServices,
  createServiceFactory,
  createServiceRef,
} from '@backstage/backend-plugin-api';
import { readStalwartStatusConfig } from '../../config/readStalwartStatusConfig';
import {
  ClusterClientService,
  createClusterClientService,
} from './createClusterClientService';
import { sharedAuthStrategies } from './sharedAuthStrategies';

/**
 * The Stalwart backend's cluster clients, built once per plugin from
 * `kubernetes.clusterLocatorMethods`.
 *
 * @public
 */
export const clusterClientServiceRef = createServiceRef<ClusterClientService>({
  id: 'stalwart.cluster-clients',
  defaultFactory: async service =>
    createServiceFactory({
      service,
      deps: { config: coreServices.rootConfig, logger: coreServices.logger },
      factory: ({ config, logger }) =>
        createClusterClientService({
          clusters: readStalwartStatusConfig(config).clusters,
          authStrategies: sharedAuthStrategies({ config, logger }),
        }),
    }),
});
