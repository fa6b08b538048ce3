import type { Config } from '@backstage/config';
import {
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
  ANNOTATION_KUBERNETES_AWS_ASSUME_ROLE,
  ANNOTATION_KUBERNETES_AWS_EXTERNAL_ID,
} from '@backstage/plugin-kubernetes-common';
import {
  SHARED_CREDENTIAL_AUTH_PROVIDERS,
  SharedCredentialAuthProvider,
} from '../services/ClusterClientService/sharedAuthStrategies';
import type { ClusterConfig, UnsupportedCluster } from './types';

/** Providers that carry no credential of their own. */
const NO_CREDENTIAL_AUTH_PROVIDERS = ['anonymous', 'localKubectlProxy'];
/** Providers that authenticate as the viewer: a cache shared by every viewer cannot use them. */
const VIEWER_AUTH_PROVIDERS = ['oidc', 'google', 'aks'];
/** Where the kubelet mounts a pod's service account token and the cluster's CA. */
export const IN_CLUSTER_SERVICE_ACCOUNT_DIR =
  '/var/run/secrets/kubernetes.io/serviceaccount';
/** Where `kubectl proxy` listens, as the core plugin's `localKubectlProxy` locator assumes. */
const LOCAL_KUBECTL_PROXY = {
  name: 'local',
  url: 'http://localhost:8001',
};

/**
 * Reads the clusters of the core Kubernetes plugin's `kubernetes.clusterLocatorMethods` that a
 * shared, backend-credentialed watch cache can use, and names the others with the reason.
 */
export function readClusters(config: Config): {
  clusters: ClusterConfig[];
  unsupportedClusters: UnsupportedCluster[];
} {
  const clusters: ClusterConfig[] = [];
  const unsupportedClusters: UnsupportedCluster[] = [];
  const locators =
    config.getOptionalConfigArray('kubernetes.clusterLocatorMethods') ?? [];

  for (const locator of locators) {
    const type = locator.getString('type');
    if (type === 'localKubectlProxy') {
      // Plain HTTP to a proxy that holds the credential: client-node wants this said explicitly.
      clusters.push({ ...LOCAL_KUBECTL_PROXY, skipTLSVerify: true });
      continue;
    }
    if (type !== 'config') continue;
    for (const cluster of locator.getOptionalConfigArray('clusters') ?? []) {
      const read = readConfigCluster(cluster);
      if ('reason' in read) unsupportedClusters.push(read);
      else clusters.push(read);
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

function readConfigCluster(
  cluster: Config,
): ClusterConfig | UnsupportedCluster {
  const name = cluster.getString('name');
  const authMetadataBlock =
    cluster.getOptional<Record<string, string>>('authMetadata');
  const authProvider =
    authMetadataBlock?.[ANNOTATION_KUBERNETES_AUTH_PROVIDER] ??
    cluster.getString('authProvider');
  if (VIEWER_AUTH_PROVIDERS.includes(authProvider)) {
    return {
      name,
      reason: `authProvider "${authProvider}" authenticates as each viewer, so it cannot feed the Stalwart status backend's shared watch cache (use serviceAccount, aws, googleServiceAccount or azure for cluster ${name})`,
    };
  }
  const url = cluster.getString('url');
  if (!/^https?:\/\//.test(url)) {
    throw new Error(
      `kubernetes cluster "${name}" has url "${url}", which is not an http(s) URL`,
    );
  }
  const base = {
    name,
    url: url.replace(/\/+$/, ''),
    caData: cluster.getOptionalString('caData'),
    caFile: cluster.getOptionalString('caFile'),
    skipTLSVerify: cluster.getOptionalBoolean('skipTLSVerify') ?? false,
  };
  if (isSharedCredentialProvider(authProvider)) {
    const assumeRole = cluster.getOptionalString('assumeRole');
    const externalId = cluster.getOptionalString('externalId');
    return {
      ...base,
      authStrategy: {
        provider: authProvider,
        // As the core plugin's config locator builds it, so its strategy reads the same keys.
        authMetadata: {
          [ANNOTATION_KUBERNETES_AUTH_PROVIDER]: authProvider,
          ...(assumeRole && {
            [ANNOTATION_KUBERNETES_AWS_ASSUME_ROLE]: assumeRole,
          }),
          ...(externalId && {
            [ANNOTATION_KUBERNETES_AWS_EXTERNAL_ID]: externalId,
          }),
          ...authMetadataBlock,
        },
      },
    };
  }
  if (NO_CREDENTIAL_AUTH_PROVIDERS.includes(authProvider)) {
    // No credential to protect: plain HTTP (kubectl proxy) is allowed without saying so.
    return url.startsWith('http://') ? { ...base, skipTLSVerify: true } : base;
  }
  if (authProvider !== 'serviceAccount') {
    return {
      name,
      reason: `authProvider "${authProvider}" is not supported by the Stalwart status backend (use serviceAccount, aws, googleServiceAccount, azure, anonymous or localKubectlProxy)`,
    };
  }
  const token = cluster.getOptionalString('serviceAccountToken');
  if (token) return { ...base, serviceAccountToken: token };
  // serviceAccount without a token is the backend's own pod identity, as the core
  // Kubernetes plugin reads it in-cluster: the mounted token and, unless given, the CA.
  return {
    ...base,
    serviceAccountTokenFile: `${IN_CLUSTER_SERVICE_ACCOUNT_DIR}/token`,
    caFile:
      base.caFile ??
      (base.caData ? undefined : `${IN_CLUSTER_SERVICE_ACCOUNT_DIR}/ca.crt`),
  };
}

function isSharedCredentialProvider(
  provider: string,
): provider is SharedCredentialAuthProvider {
  return (SHARED_CREDENTIAL_AUTH_PROVIDERS as readonly string[]).includes(
    provider,
  );
}
