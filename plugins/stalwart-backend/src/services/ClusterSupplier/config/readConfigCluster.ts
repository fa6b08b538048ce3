import type { Config } from '@backstage/config';
import {
  ANNOTATION_KUBERNETES_AUTH_PROVIDER,
  ANNOTATION_KUBERNETES_AWS_ASSUME_ROLE,
  ANNOTATION_KUBERNETES_AWS_EXTERNAL_ID,
} from '@backstage/plugin-kubernetes-common';
import type { ClusterConfig, UnsupportedCluster } from '../../../config/types';
import {
  isSharedCredentialProvider,
  NO_CREDENTIAL_AUTH_PROVIDERS,
  viewerAuthProviderReason,
} from '../authProviders';

/** Where the kubelet mounts a pod's service account token and the cluster's CA. */
export const IN_CLUSTER_SERVICE_ACCOUNT_DIR =
  '/var/run/secrets/kubernetes.io/serviceaccount';

/** One cluster of a `config` locator, as the core plugin's config locator reads it. */
export function readConfigCluster(
  cluster: Config,
): ClusterConfig | UnsupportedCluster {
  const name = cluster.getString('name');
  const authMetadataBlock =
    cluster.getOptional<Record<string, string>>('authMetadata');
  const authProvider =
    authMetadataBlock?.[ANNOTATION_KUBERNETES_AUTH_PROVIDER] ??
    cluster.getString('authProvider');
  const viewerReason = viewerAuthProviderReason(name, authProvider);
  if (viewerReason) return { name, reason: viewerReason };
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
