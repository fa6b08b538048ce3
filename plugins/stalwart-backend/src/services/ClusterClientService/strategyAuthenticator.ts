import type { KubeConfig, User } from '@kubernetes/client-node';
import type {
  AuthenticationStrategy,
  ClusterDetails,
} from '@backstage/plugin-kubernetes-node';
import { ANNOTATION_KUBERNETES_AUTH_PROVIDER } from '@backstage/plugin-kubernetes-common';
import { KubernetesRequestError } from '../KubernetesCacheService/KubernetesRequestError';

type Authenticator = Parameters<KubeConfig['addAuthenticator']>[0];

/** The kubeconfig auth-provider name that hands a request to a core auth strategy. */
export const STRATEGY_AUTH_PROVIDER = 'backstage-kubernetes-auth-strategy';

/**
 * Asks a core Kubernetes plugin auth strategy for a credential on every request (list page,
 * watch connection, get, patch). The strategies cache what is worth caching (Azure's token,
 * Google's access token); an EKS token is a fresh presigned URL each time, so a watch that
 * reconnects after its token expired carries a new one.
 */
export function strategyAuthenticator(
  cluster: ClusterDetails,
  strategy: AuthenticationStrategy,
): Authenticator {
  const provider = cluster.authMetadata[ANNOTATION_KUBERNETES_AUTH_PROVIDER];
  return {
    isAuthProvider: (user: User) =>
      user.authProvider?.name === STRATEGY_AUTH_PROVIDER,
    async applyAuthentication(_user, opts) {
      let credential;
      try {
        credential = await strategy.getCredential(cluster, {});
      } catch (error) {
        throw new KubernetesRequestError(
          `could not get a ${provider} credential for cluster ${
            cluster.name
          }: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
      if (credential.type === 'anonymous') return;
      if (credential.type !== 'bearer token') {
        throw new KubernetesRequestError(
          `the ${provider} strategy gave cluster ${cluster.name} a ${credential.type}, which the Stalwart backend does not send`,
        );
      }
      opts.headers = {
        ...opts.headers,
        Authorization: `Bearer ${credential.token}`,
      };
    },
  };
}
