import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import { readClusters } from './readClusters';
import type { StalwartStatusConfig, WatchScope } from './types';

/**
 * Reads the clusters the core Kubernetes plugin is configured with (see `readClusters`)
 * and the `stalwart.status` tuning block.
 */
export function readStalwartStatusConfig(config: Config): StalwartStatusConfig {
  const { clusters, unsupportedClusters } = readClusters(config);
  const status = config.getOptionalConfig('stalwart.status');
  const durationMs = (key: string, fallbackMs: number) =>
    status?.has(key)
      ? durationToMilliseconds(readDurationFromConfig(status, { key }))
      : fallbackMs;

  return {
    clusters,
    unsupportedClusters,
    requestTimeoutMs: durationMs('requestTimeout', 10_000),
    maxRetries: status?.getOptionalNumber('maxRetries') ?? 2,
    maxBackoffMs: durationMs('maxBackoff', 60_000),
    initialSyncTimeoutMs: durationMs('initialSyncTimeout', 5_000),
    idleTimeoutMs: durationMs('idleTimeout', 30 * 60_000),
    argoCdNamespaces: status?.getOptionalStringArray('argoCdNamespaces') ?? [
      'argocd',
    ],
    watchScope: readWatchScope(status),
    accessCacheTtlMs: durationMs('accessCacheTtl', 10_000),
    accessCacheMaxEntries: readNonNegativeInteger(
      status,
      'accessCacheMaxEntries',
      10_000,
    ),
  };
}

function readNonNegativeInteger(
  status: Config | undefined,
  key: string,
  fallback: number,
): number {
  const value = status?.getOptionalNumber(key) ?? fallback;
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(
      `stalwart.status.${key} must be a non-negative integer, got ${value}`,
    );
  }
  return value;
}

function readWatchScope(status: Config | undefined): WatchScope {
  const scope = status?.getOptionalString('watchScope') ?? 'cluster';
  if (scope !== 'cluster' && scope !== 'namespace') {
    throw new Error(
      `stalwart.status.watchScope must be "cluster" or "namespace", got "${scope}"`,
    );
  }
  return scope;
}
