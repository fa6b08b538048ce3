import type { KubernetesObject } from '@kubernetes/client-node';
import type { ClusterClientService } from './createClusterClientService';
import { KubernetesRequestError } from '../KubernetesCacheService/KubernetesRequestError';

/** Reads and patches single objects, for the few writes the backend makes. */
export interface KubernetesObjectClient {
  /** One object, read fresh from the API server (not the watch cache). */
  get(cluster: string, path: string): Promise<KubernetesObject>;
  /** PATCHes one object and answers the object as the API server stored it. */
  patch(options: {
    cluster: string;
    path: string;
    contentType: string;
    body: unknown;
  }): Promise<KubernetesObject>;
}

const CONTENT_TYPES = new Set([
  'application/strategic-merge-patch+json',
  'application/merge-patch+json',
]);

/**
 * Talks to the clusters with the backend's own credentials (the same service account the watch
 * cache uses). Patches are one request, no retry: a patch that timed out may have been applied.
 */
export function createObjectClient(options: {
  clusterClients: ClusterClientService;
  requestTimeoutMs: number;
}): KubernetesObjectClient {
  const policy = {
    requestTimeoutMs: options.requestTimeoutMs,
    maxRetries: 0,
    maxBackoffMs: 0,
  };
  const clientOf = (cluster: string) =>
    options.clusterClients.client(cluster, policy);
  return {
    get: (cluster, path) => clientOf(cluster).get(path),
    async patch({ cluster, path, contentType, body }) {
      if (!CONTENT_TYPES.has(contentType))
        throw new KubernetesRequestError(`Refusing a ${contentType} patch`);
      return clientOf(cluster).patch(path, contentType, body);
    },
  };
}
