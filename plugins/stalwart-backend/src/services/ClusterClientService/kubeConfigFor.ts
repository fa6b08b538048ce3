import { KubeConfig, User } from '@kubernetes/client-node';
import type { ClusterConfig } from '../../config/types';
import type { AuthStrategies } from './sharedAuthStrategies';
import {
  STRATEGY_AUTH_PROVIDER,
  strategyAuthenticator,
} from './strategyAuthenticator';

/** A kubeconfig holding one cluster's URL, CA and the backend's credentials for it. */
export function kubeConfigFor(
  cluster: ClusterConfig,
  authStrategies?: AuthStrategies,
): KubeConfig {
  const kubeConfig = new KubeConfig();
  if (cluster.authStrategy) {
    if (!authStrategies) {
      throw new Error(
        `cluster ${cluster.name} uses authProvider "${cluster.authStrategy.provider}", but no auth strategies were given`,
      );
    }
    kubeConfig.addAuthenticator(
      strategyAuthenticator(
        {
          name: cluster.name,
          url: cluster.url,
          authMetadata: cluster.authStrategy.authMetadata,
          skipTLSVerify: cluster.skipTLSVerify,
        },
        authStrategies(cluster.authStrategy.provider),
      ),
    );
  }
  kubeConfig.loadFromOptions({
    clusters: [
      {
        name: cluster.name,
        server: cluster.url,
        caData: cluster.caData,
        caFile: cluster.caFile,
        skipTLSVerify: cluster.skipTLSVerify,
      },
    ],
    users: [userFor(cluster)],
    contexts: [{ name: 'stalwart', cluster: cluster.name, user: 'stalwart' }],
    currentContext: 'stalwart',
  });
  return kubeConfig;
}

function userFor(cluster: ClusterConfig): User {
  if (cluster.authStrategy) {
    return {
      name: 'stalwart',
      authProvider: { name: STRATEGY_AUTH_PROVIDER, config: {} },
    };
  }
  if (cluster.serviceAccountTokenFile) {
    return {
      name: 'stalwart',
      // client-node's file auth re-reads the file every minute, so a token the
      // kubelet rotates is picked up without a restart.
      authProvider: {
        name: 'tokenFile',
        config: { tokenFile: cluster.serviceAccountTokenFile },
      },
    };
  }
  return { name: 'stalwart', token: cluster.serviceAccountToken };
}
