import {
  KubeConfig,
  KubernetesListObject,
  KubernetesObject,
  Watch,
} from '@kubernetes/client-node';
import http from 'node:http';
import https from 'node:https';
import type { ClusterConfig } from '../../config/types';
import { backoffDelay, sleep } from './backoff';
import { isRetryable, KubernetesRequestError } from './KubernetesRequestError';
import type { KubernetesRequestStats } from './types';

/** Requests to one cluster, with its credentials, timeouts and retries applied. */
export interface ClusterClient {
  name: string;
  /** The cluster's URL, CA and credentials, e.g. for WebSocket subresources. */
  kubeConfig: KubeConfig;
  list(path: string): Promise<KubernetesListObject<KubernetesObject>>;
  /** One object, with the same timeout and retries as `list`. */
  get(path: string): Promise<KubernetesObject>;
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

export function createClusterClient(options: {
  cluster: ClusterConfig;
  requestTimeoutMs: number;
  maxRetries: number;
  maxBackoffMs: number;
  stats: KubernetesRequestStats;
}): ClusterClient {
  const { cluster, requestTimeoutMs, maxRetries, maxBackoffMs, stats } =
    options;
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
    users: [{ name: 'stalwart', token: cluster.serviceAccountToken }],
    contexts: [{ name: 'stalwart', cluster: cluster.name, user: 'stalwart' }],
    currentContext: 'stalwart',
  });

  async function getOnce(path: string): Promise<unknown> {
    const requestOptions: https.RequestOptions = {};
    await kubeConfig.applyToHTTPSOptions(requestOptions);
    const url = new URL(cluster.url + path);
    const transport = url.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined = undefined;
      const request = transport.request(
        url,
        {
          ...requestOptions,
          method: 'GET',
          headers: { ...requestOptions.headers, Accept: 'application/json' },
        },
        response => {
          const chunks: Buffer[] = [];
          response.on('data', chunk => chunks.push(chunk));
          response.on('error', reject);
          response.on('end', () => {
            clearTimeout(timer);
            const body = Buffer.concat(chunks).toString('utf8');
            if (response.statusCode !== 200) {
              reject(
                KubernetesRequestError.fromResponse(
                  response.statusCode ?? 0,
                  body,
                ),
              );
              return;
            }
            try {
              resolve(JSON.parse(body));
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
              `no answer within ${requestTimeoutMs} ms`,
            ),
          ),
        requestTimeoutMs,
      );
      request.on('error', error => {
        clearTimeout(timer);
        reject(error);
      });
      request.end();
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
    name: cluster.name,
    kubeConfig,
    list(path) {
      return withRetries(() => {
        stats.lists += 1;
        return getOnce(path) as Promise<KubernetesListObject<KubernetesObject>>;
      });
    },
    get(path) {
      return withRetries(() => getOnce(path) as Promise<KubernetesObject>);
    },
    createWatch(onConnected, transform) {
      return new ObservedWatch(kubeConfig, stats, onConnected, transform);
    },
  };
}
