import type { SharedCredentialAuthProvider } from '../services/ClusterClientService/sharedAuthStrategies';

/** A cluster the status backend can watch, read from the core Kubernetes plugin's config. */
export interface ClusterConfig {
  name: string;
  url: string;
  /** Bearer token of the service account; absent for anonymous access. */
  serviceAccountToken?: string;
  /**
   * A file holding the bearer token, re-read as it rotates: the pod's own mounted service
   * account token when `serviceAccount` has no `serviceAccountToken` (in-cluster).
   */
  serviceAccountTokenFile?: string;
  /** Base64-encoded PEM of the API server's CA. */
  caData?: string;
  caFile?: string;
  skipTLSVerify: boolean;
  /**
   * Set when a core Kubernetes plugin auth strategy supplies the credential (`aws`,
   * `googleServiceAccount`, `azure`), with the cluster's auth metadata as the core plugin's
   * config locator builds it (assume-role, external id, cluster id).
   */
  authStrategy?: {
    provider: SharedCredentialAuthProvider;
    authMetadata: Record<string, string>;
  };
}

/** A configured cluster this backend cannot talk to, and why. */
export interface UnsupportedCluster {
  name: string;
  reason: string;
}

/**
 * How far one watch reaches: `cluster` is one informer per cluster and kind (needs a
 * ClusterRole), `namespace` one per cluster, kind and namespace (a Role per namespace does).
 */
export type WatchScope = 'cluster' | 'namespace';

/** The Stalwart status backend's configuration, read once at startup. */
export interface StalwartStatusConfig {
  clusters: ClusterConfig[];
  unsupportedClusters: UnsupportedCluster[];
  requestTimeoutMs: number;
  maxRetries: number;
  maxBackoffMs: number;
  initialSyncTimeoutMs: number;
  idleTimeoutMs: number;
  argoCdNamespaces: string[];
  watchScope: WatchScope;
  /** How long a user's permission decision and catalog entity are reused; 0 turns it off. */
  accessCacheTtlMs: number;
  /** Most (user, permission, entity) answers kept at once. */
  accessCacheMaxEntries: number;
}
