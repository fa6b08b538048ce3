import {
  KubeConfig,
  KubernetesListObject,
  KubernetesObject,
  Watch,
} from '@kubernetes/client-node';
import http from 'node:http';
import https from 'node:https';
import { backoffDelay, sleep } from '../KubernetesCacheService/backoff';
import {
  isRetryable,
  KubernetesRequestError,
} from '../KubernetesCacheService/KubernetesRequestError';
import type { KubernetesRequestStats } from '../KubernetesCacheService/types';
import { keepAliveAgent } from './keepAliveAgent';

/** Requests to one cluster, with its credentials, timeouts and retries applied. */
export interface ClusterClient {
  name: string;
  /** The cluster's URL, CA and credentials, e.g. for WebSocket subresources. */
  kubeConfig: KubeConfig;
  list(path: string): Promise<KubernetesListObject<KubernetesObject>>;
  /** One object, with the same timeout and retries as `list`. */
  get(path: string): Promise<KubernetesObject>;
  /**
   * One PATCH, never retried: a patch that timed out may have been applied, so the caller
   * decides what to tell.
   */
  patch(
    path: string,
    contentType: string,
    body: unknown,
  ): Promise<KubernetesObject>;
  /**
   * A watch that reports each request it sends and each connection it establishes, and
   * passes each event's object through `transform` first.
   */
  createWatch(
    onConnected: () => void,
    transform?: (object: KubernetesObject) => KubernetesObject,
  ): Watch;
}

const RETRY_BASE_MS = 250;

/** Counts watch requests and tells when one connected, which `ListWatch` does not report. */
class ObservedWatch extends Watch {
  constructor(
    kubeConfig: KubeConfig,
    private readonly stats: KubernetesRequestStats,
    private readonly onConnected: () => void,
    private readonly transform: (object: any) => any = object => object,
  ) {
    super(kubeConfig);
  }

  override async watch(
    path: string,
    queryParams: Record<string, string | number | boolean | undefined>,
    callback: (phase: string, apiObj: any, watchObj?: any) => void,
    done: (err: any) => void,
  ): Promise<AbortController> {
    this.stats.watches += 1;
    let failed = false;
    const controller = await super.watch(
      path,
      queryParams,
      (phase, apiObj, watchObj) =>
        callback(phase, apiObj && this.transform(apiObj), watchObj),
      err => {
        if (err) failed = true;
        done(err);
      },
    );
    if (!failed) this.onConnected();
    return controller;
  }
}

/** How one consumer's requests to a cluster are timed and retried. */
export interface RequestPolicy {
  requestTimeoutMs: number;
  maxRetries: number;
  maxBackoffMs: number;
  /** Where list and watch requests are counted. */
  stats?: KubernetesRequestStats;
}

/**
 * A client for one cluster, on a kubeconfig that carries its URL, CA and credentials, with
 * one consumer's timeouts and retries.
 */
export function createClusterClient(
  options: { name: string; kubeConfig: KubeConfig } & RequestPolicy,
): ClusterClient {
  const { name, kubeConfig, requestTimeoutMs, maxRetries, maxBackoffMs } =
    options;
  const stats = options.stats ?? { lists: 0, watches: 0 };
  const server = kubeConfig.getCurrentCluster()!.server.replace(/\/$/, '');
  const agent = keepAliveAgent();

  async function sendOnce(
    method: 'GET' | 'PATCH',
    path: string,
    body?: { contentType: string; payload: string },
  ): Promise<unknown> {
    const requestOptions: https.RequestOptions = {};
    await kubeConfig.applyToHTTPSOptions(requestOptions);
    const url = new URL(server + path);
    agent.apply(requestOptions, kubeConfig.getCurrentCluster(), url.protocol);
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined = undefined;
      const request = transport.request(
        url,
        {
          ...requestOptions,
          method,
          headers: {
            ...requestOptions.headers,
            Accept: 'application/json',
            ...(body
              ? {
                  'Content-Type': body.contentType,
                  'Content-Length': Buffer.byteLength(body.payload),
                }
              : {}),
          },
        },
        response => {
          const chunks: Buffer[] = [];
          response.on('data', chunk => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            clearTimeout(timer);
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
                  'the API server answered with invalid JSON',
                  200,
                ),
              );
            }
          });
        },
      );
      timer = setTimeout(
        () =>
          request.destroy(
            new KubernetesRequestError(
              `no answer within ${requestTimeoutMs} ms${
                method === 'PATCH'
                  ? '; the patch may or may not have been applied'
                  : ''
              }`,
            ),
          ),
        requestTimeoutMs,
      );
      request.on('error', error => {
        clearTimeout(timer);
        reject(error);
      });
      request.end(body?.payload);
    });
  }

  async function withRetries<T>(attempt: () => Promise<T>): Promise<T> {
    for (let retry = 0; ; retry++) {
      try {
        return await attempt();
      } catch (error) {
        if (retry >= maxRetries || !isRetryable(error)) throw error;
        await sleep(
          backoffDelay({
            attempt: retry,
            baseMs: RETRY_BASE_MS,
            maxMs: maxBackoffMs,
          }),
        );
      }
    }
  }

  return {
    name,
    kubeConfig,
    list(path) {
      return withRetries(() => {
        stats.lists += 1;
        return sendOnce('GET', path) as Promise<
          KubernetesListObject<KubernetesObject>
        >;
      });
    },
    get(path) {
      return withRetries(
        () => sendOnce('GET', path) as Promise<KubernetesObject>,
      );
    },
    patch(path, contentType, body) {
      return sendOnce('PATCH', path, {
        contentType,
        payload: JSON.stringify(body),
      }) as Promise<KubernetesObject>;
    },
    createWatch(onConnected, transform) {
      return new ObservedWatch(kubeConfig, stats, onConnected, transform);
    },
  };
}
