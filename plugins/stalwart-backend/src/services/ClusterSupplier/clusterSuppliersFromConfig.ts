import type { AuthService } from '@backstage/backend-plugin-api';
import type { Config } from '@backstage/config';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { catalogClusterSupplier } from './catalog/catalogClusterSupplier';
import { gkeClusterSupplier } from './gke/gkeClusterSupplier';
import type { ClusterSupplier } from './types';

/**
 * One supplier per `catalog` and `gke` entry of `kubernetes.clusterLocatorMethods`:
 * the locators whose clusters change while the backend runs. The fixed `config` and
 * `localKubectlProxy` entries are read by `readClusters`.
 */
export function clusterSuppliersFromConfig(options: {
  config: Config;
  catalog: CatalogService;
  auth: AuthService;
}): ClusterSupplier[] {
  const locators =
    options.config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ??
    [];
  return locators.flatMap(locator => {
    switch (locator.getString('type')) {
      case 'catalog':
        return [
          catalogClusterSupplier({
            locator,
            catalog: options.catalog,
            auth: options.auth,
          }),
        ];
      case 'gke':
        return [gkeClusterSupplier({ locator })];
      default:
        return [];
    }
  });
}
