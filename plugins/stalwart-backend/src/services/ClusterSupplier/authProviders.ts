import {
  SHARED_CREDENTIAL_AUTH_PROVIDERS,
  SharedCredentialAuthProvider,
} from '../ClusterClientService/sharedAuthStrategies';

/** Providers that carry no credential of their own. */
export const NO_CREDENTIAL_AUTH_PROVIDERS = ['anonymous', 'localKubectlProxy'];

/** Providers that authenticate as the viewer: a cache shared by every viewer cannot use them. */
const VIEWER_AUTH_PROVIDERS = ['oidc', 'google', 'aks'];

/** Why a cluster with this auth provider cannot feed the shared cache, if it cannot. */
export function viewerAuthProviderReason(
  cluster: string,
  authProvider: string,
): string | undefined {
  if (!VIEWER_AUTH_PROVIDERS.includes(authProvider)) return undefined;
  return `authProvider "${authProvider}" authenticates as each viewer, so it cannot feed the Stalwart status backend's shared watch cache (use serviceAccount, aws, googleServiceAccount or azure for cluster ${cluster})`;
}

export function isSharedCredentialProvider(
  provider: string,
): provider is SharedCredentialAuthProvider {
  return (SHARED_CREDENTIAL_AUTH_PROVIDERS as readonly string[]).includes(
    provider,
  );
}
