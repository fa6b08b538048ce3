import type { WorkloadRef } from '@stalwart-backstage/plugin-stalwart-common';
import http from 'node:http';
import https from 'node:https';
import type { ClusterConfig } from '../../config/types';
import { createClusterClient } from '../KubernetesCacheService/createClusterClient';
import { KubernetesRequestError } from '../KubernetesCacheService/KubernetesRequestError';

/** The only Kubernetes writes the backend makes: patches of an instance's own workload. */
export interface WorkloadPatcher {
  /** The API path of a workload, as the planner's rollout restart call names it. */
  pathOf(workload: WorkloadRef): string;
  patch(options: {
    cluster: string;
    workload: WorkloadRef;
    contentType: string;
    body: unknown;
  }): Promise<void>;
}

const CONTENT_TYPES = new Set([
  'application/strategic-merge-patch+json',
  'application/merge-patch+json',
]);

/**
 * PATCHes workloads with the backend's own cluster credentials (the same service account the
 * watch cache uses), one request, no retry: a patch that timed out may have been applied.
 */
export function createWorkloadPatcher(options: {
  clusters: ClusterConfig[];
  requestTimeoutMs: number;
}): WorkloadPatcher {
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

  const pathOf = (workload: WorkloadRef) =>
    `/apis/apps/v1/namespaces/${encodeURIComponent(workload.namespace)}/${
      workload.kind === 'StatefulSet' ? 'statefulsets' : 'deployments'
    }/${encodeURIComponent(workload.name)}`;

  return {
    pathOf,
    async patch({ cluster, workload, contentType, body }) {
      const client = clients.get(cluster);
      if (!client)
        throw new KubernetesRequestError(
          `Cluster ${cluster} is not configured`,
        );
      if (!CONTENT_TYPES.has(contentType))
        throw new KubernetesRequestError(`Refusing a ${contentType} patch`);
      const requestOptions: https.RequestOptions = {};
      await client.kubeConfig.applyToHTTPSOptions(requestOptions);
      const url = new URL(
        client.kubeConfig.getCurrentCluster()!.server.replace(/\/$/, '') +
          pathOf(workload),
      );
      const payload = JSON.stringify(body);
      await new Promise<void>((resolve, reject) => {
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
              if (response.statusCode === 200) resolve();
              else
                reject(
                  KubernetesRequestError.fromResponse(
                    response.statusCode ?? 0,
                    Buffer.concat(chunks).toString('utf8'),
                  ),
                );
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
