import { KubeConfig } from '@kubernetes/client-node';
import type { ClusterConfig } from '../../config/types';

/** A kubeconfig holding one cluster's URL, CA and the backend's credentials for it. */
export function kubeConfigFor(cluster: ClusterConfig): KubeConfig {
  const kubeConfig = new KubeConfig();
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
    users: [
      cluster.serviceAccountTokenFile
        ? {
            name: 'stalwart',
            // client-node's file auth re-reads the file every minute, so a token the
            // kubelet rotates is picked up without a restart.
            authProvider: {
              name: 'tokenFile',
              config: { tokenFile: cluster.serviceAccountTokenFile },
            },
          }
        : { name: 'stalwart', token: cluster.serviceAccountToken },
    ],
    contexts: [{ name: 'stalwart', cluster: cluster.name, user: 'stalwart' }],
    currentContext: 'stalwart',
  });
  return kubeConfig;
}
