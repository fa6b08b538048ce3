import {
  Config,
  ConfigReader,
  readDurationFromConfig,
} from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

const CONFIG_KEY = 'stalwart.frontend.refreshInterval';
const DEFAULT_MS = 30_000;
/** Faster polling would only re-read the backend's watch cache and load the browser. */
const MINIMUM_MS = 5_000;

/**
 * The status refresh interval in milliseconds: the extension's `refreshInterval` if set, else
 * app-config `stalwart.frontend.refreshInterval`, else 30 seconds.
 */
export function readRefreshInterval(
  config: Config,
  extensionOverride?: string,
): number {
  const source =
    extensionOverride !== undefined
      ? {
          config: new ConfigReader(
            { refreshInterval: extensionOverride },
            'api:stalwart/query-cache',
          ),
          key: 'refreshInterval',
        }
      : { config, key: CONFIG_KEY };
  const ms = source.config.has(source.key)
    ? durationToMilliseconds(
        readDurationFromConfig(source.config, { key: source.key }),
      )
    : DEFAULT_MS;
  if (ms < MINIMUM_MS) {
    throw new Error(
      `Stalwart refreshInterval of ${ms} ms is below the minimum of ${MINIMUM_MS} ms`,
    );
  }
  return ms;
}
