import type { KubernetesObject } from '@kubernetes/client-node';
import http from 'node:http';
import https from 'node:https';
import type { ClusterConfig } from '../../config/types';
import { ClusterClient, createClusterClient } from './createClusterClient';
import { KubernetesRequestError } from './KubernetesRequestError';

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
  clusters: ClusterConfig[];
  requestTimeoutMs: number;
}): KubernetesObjectClient {
  const clients = new Map(
    options.clusters.map(cluster => [
      cluster.name,
      createClusterClient({
        cluster,
        requestTimeoutMs: options.requestTimeoutMs,
        maxRetries: 0,
        maxBackoffMs: 0,
        stats: { lists: 0, watches: 0 },
      }),
    ]),
  );
  const clientOf = (cluster: string): ClusterClient => {
    const client = clients.get(cluster);
    if (!client)
      throw new KubernetesRequestError(`Cluster ${cluster} is not configured`);
    return client;
  };

  return {
    get: (cluster, path) => clientOf(cluster).get(path),
    async patch({ cluster, path, contentType, body }) {
      const client = clientOf(cluster);
      if (!CONTENT_TYPES.has(contentType))
        throw new KubernetesRequestError(`Refusing a ${contentType} patch`);
      const requestOptions: https.RequestOptions = {};
      await client.kubeConfig.applyToHTTPSOptions(requestOptions);
      const url = new URL(
        client.kubeConfig.getCurrentCluster()!.server.replace(/\/$/, '') + path,
      );
      const payload = JSON.stringify(body);
      return new Promise<KubernetesObject>((resolve, reject) => {
        const transport = url.protocol === 'https:' ? https : http;
        const request = transport.request(
          url,
          {
            ...requestOptions,
            method: 'PATCH',
            headers: {
              ...requestOptions.headers,
              Accept: 'application/json',
              'Content-Type': contentType,
              'Content-Length': Buffer.byteLength(payload),
            },
            timeout: options.requestTimeoutMs,
          },
          response => {
            const chunks: Buffer[] = [];
            response.on('data', chunk => chunks.push(chunk));
            response.on('error', reject);
            response.on('end', () => {
              const text = Buffer.concat(chunks).toString('utf8');
              if (response.statusCode !== 200) {
                reject(
                  KubernetesRequestError.fromResponse(
                    response.statusCode ?? 0,
                    text,
                  ),
                );
                return;
              }
              try {
                resolve(JSON.parse(text));
              } catch {
                reject(
                  new KubernetesRequestError(
                    'the patch was applied but the answer is not JSON',
                    200,
                  ),
                );
              }
            });
          },
        );
        request.on('timeout', () =>
          request.destroy(
            new KubernetesRequestError(
              `no answer within ${options.requestTimeoutMs} ms; the patch may or may not have been applied`,
            ),
          ),
        );
        request.on('error', reject);
        request.end(payload);
      });
    },
  };
}
