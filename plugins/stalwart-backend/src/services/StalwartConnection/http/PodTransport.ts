import {
  isTransient,
  StalwartApiError,
  StalwartTarget,
} from '../errors/StalwartApiError';
import { PodRequest, PodResponse, sendPodRequest } from './sendPodRequest';
import { retryAfterMs } from './retryAfter';
import type { PortForwardAgent } from '../portForward/PortForwardAgent';

/** The `Authorization` header for a pod, read from its Secret (never logged or returned). */
export interface PodCredentials {
  authorization(): Promise<string>;
  /** Forgets the cached credential after Stalwart rejected it, so a rotated Secret is read again. */
  invalidate(): void;
}

export interface TransportOptions {
  target: StalwartTarget;
  port: number;
  agent: () => PortForwardAgent;
  credentials: PodCredentials;
  requestTimeoutMs: number;
  maxRetries: number;
  maxRetryAfterMs: number;
  /** Injected in tests; waits between attempts. */
  sleep?: (ms: number) => Promise<void>;
}

const BACKOFF_BASE_MS = 200;
const defaultSleep = (ms: number) =>
  new Promise<void>(resolve => setTimeout(resolve, ms));

/**
 * Sends requests to one pod with its credentials. A 429 is retried after its `Retry-After`
 * (or a backoff) up to `maxRetries` times; broken streams, timeouts and 5xx are retried only
 * for `idempotent` requests. The final answer is returned whatever its status, for the typed
 * clients to read.
 */
export class PodTransport {
  constructor(private readonly options: TransportOptions) {}

  get target(): StalwartTarget {
    return this.options.target;
  }

  async send(
    request: Omit<PodRequest, 'headers'> & {
      headers?: Record<string, string>;
      idempotent: boolean;
    },
  ): Promise<PodResponse> {
    const { maxRetries, maxRetryAfterMs, target } = this.options;
    const sleep = this.options.sleep ?? defaultSleep;
    for (let attempt = 0; ; attempt++) {
      const backoff = BACKOFF_BASE_MS * 2 ** attempt;
      let response: PodResponse;
      try {
        response = await this.sendOnce(request);
      } catch (error) {
        if (!request.idempotent || attempt >= maxRetries || !isTransient(error))
          throw error;
        await sleep(backoff);
        continue;
      }
      if (response.status === 401) this.options.credentials.invalidate();
      if (response.status === 429) {
        const wait = retryAfterMs(response.headers['retry-after']);
        if (attempt < maxRetries && (wait ?? 0) <= maxRetryAfterMs) {
          await sleep(wait ?? backoff);
          continue;
        }
        throw new StalwartApiError({
          reason: 'rate-limited',
          message:
            attempt < maxRetries
              ? `Stalwart asked to wait ${Math.ceil(
                  (wait ?? 0) / 1000,
                )} s, longer than allowed`
              : `Stalwart was still rate limiting after ${
                  attempt + 1
                } attempts`,
          target,
          upstreamStatus: 429,
          retryAfterSeconds:
            wait === undefined ? undefined : Math.ceil(wait / 1000),
        });
      }
      if (
        response.status >= 500 &&
        request.idempotent &&
        attempt < maxRetries
      ) {
        await sleep(backoff);
        continue;
      }
      return response;
    }
  }

  private async sendOnce(
    request: Omit<PodRequest, 'headers'> & { headers?: Record<string, string> },
  ): Promise<PodResponse> {
    const authorization = await this.options.credentials.authorization();
    const agent = this.options.agent();
    return agent.withSlot(() =>
      sendPodRequest({
        agent,
        port: this.options.port,
        timeoutMs: this.options.requestTimeoutMs,
        target: this.options.target,
        request: {
          method: request.method,
          path: request.path,
          body: request.body,
          headers: {
            Accept: 'application/json',
            ...request.headers,
            Authorization: authorization,
          },
        },
      }),
    );
  }
}
