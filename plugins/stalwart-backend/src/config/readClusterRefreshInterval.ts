import { Config, readDurationFromConfig } from '@backstage/config';
import type { HumanDuration } from '@backstage/types';

/** How often the `catalog` and `gke` cluster locators are read again; default one minute. */
export function readClusterRefreshInterval(config: Config): HumanDuration {
  const clusters = config.getOptionalConfig('stalwart.clusters');
  if (!clusters?.has('refreshInterval')) return { minutes: 1 };
  try {
    return readDurationFromConfig(clusters, { key: 'refreshInterval' });
  } catch (error) {
    throw new Error(
      `stalwart.clusters.refreshInterval must be a duration such as { minutes: 1 } or '5m': ${
        error instanceof Error ? error.message : error
      }`,
    );
  }
}
