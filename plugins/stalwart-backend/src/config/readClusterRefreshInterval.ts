import { Config, readDurationFromConfig } from '@backstage/config';
import type { HumanDuration } from '@backstage/types';

/** How often the `catalog` and `gke` cluster locators are read again; default one minute. */
export function readClusterRefreshInterval(config: Config): HumanDuration {
  const clusters = config.getOptionalConfig('stalwart.clusters');
  return clusters?.has('refreshInterval')
    ? readDurationFromConfig(clusters, { key: 'refreshInterval' })
    : { minutes: 1 };
}
