import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';
import type {
  ClusterConfig,
  StalwartStatusConfig,
  UnsupportedCluster,
  WatchScope,
} from './types';

const SUPPORTED_AUTH_PROVIDERS = ['serviceAccount', 'anonymous'];
/** Providers that authenticate as the viewer: a cache shared by every viewer cannot use them. */
const VIEWER_AUTH_PROVIDERS = ['oidc', 'google'];
/** Where the kubelet mounts a pod's service account token and the cluster's CA. */
export const IN_CLUSTER_SERVICE_ACCOUNT_DIR =
  '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * Reads the clusters the core Kubernetes plugin is configured with (locators of type `config`)
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

function readClusters(config: Config) {
  const clusters: ClusterConfig[] = [];
  const unsupportedClusters: UnsupportedCluster[] = [];
  const locators =
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];

  for (const locator of locators) {
    if (locator.getString('type') !== 'config') continue;
    for (const cluster of locator.getOptionalConfigArray('clusters') ?? []) {
      const name = cluster.getString('name');
      const authProvider = cluster.getString('authProvider');
      if (!SUPPORTED_AUTH_PROVIDERS.includes(authProvider)) {
        unsupportedClusters.push({
          name,
          reason: VIEWER_AUTH_PROVIDERS.includes(authProvider)
            ? `authProvider "${authProvider}" authenticates as each viewer, so it cannot feed the Stalwart status backend's shared watch cache (use serviceAccount for cluster ${name})`
            : `authProvider "${authProvider}" is not supported by the Stalwart status backend (use serviceAccount)`,
        });
        continue;
      }
      const url = cluster.getString('url');
      if (!/^https?:\/\//.test(url)) {
        throw new Error(
          `kubernetes cluster "${name}" has url "${url}", which is not an http(s) URL`,
        );
      }
      const token =
        authProvider === 'serviceAccount'
          ? cluster.getOptionalString('serviceAccountToken')
          : undefined;
      // serviceAccount without a token is the backend's own pod identity, as the core
      // Kubernetes plugin reads it in-cluster: the mounted token and, unless given, the CA.
      const inCluster = authProvider === 'serviceAccount' && !token;
      const caData = cluster.getOptionalString('caData');
      const caFile = cluster.getOptionalString('caFile');
      clusters.push({
        name,
        url: url.replace(/\/+$/, ''),
        serviceAccountToken: token,
        ...(inCluster
          ? {
              serviceAccountTokenFile: `${IN_CLUSTER_SERVICE_ACCOUNT_DIR}/token`,
            }
          : {}),
        caData,
        caFile:
          caFile ??
          (inCluster && !caData
            ? `${IN_CLUSTER_SERVICE_ACCOUNT_DIR}/ca.crt`
            : undefined),
        skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify') ?? false,
      });
    }
  }

  const names = clusters.map(c => c.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) {
    throw new Error(
      `kubernetes cluster name "${duplicate}" is configured twice`,
    );
  }
  return { clusters, unsupportedClusters };
}
