import type { ClusterConfig } from '../../../config/types';

/**
 * The cluster behind `kubectl proxy` where the core plugin's `localKubectlProxy` locator
 * assumes it: plain HTTP to a proxy that holds the credential, which client-node wants said
 * explicitly (`skipTLSVerify`).
 */
export function localKubectlProxyCluster(): ClusterConfig {
  return { name: 'local', url: 'http://localhost:8001', skipTLSVerify: true };
}
