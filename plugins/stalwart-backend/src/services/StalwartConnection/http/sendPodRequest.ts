import http from 'node:http';
import { StalwartApiError, StalwartTarget } from '../errors/StalwartApiError';

/** A complete HTTP answer from a pod. */
export interface PodResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export interface PodRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** Path and query, built by the typed clients. */
  path: string;
  headers: Record<string, string>;
  body?: string;
}

/**
 * Sends one HTTP/1.1 request through a pod's port-forward agent and reads the whole answer,
 * failing with `timeout` when it is not complete within `timeoutMs`.
 */
export function sendPodRequest(options: {
  agent: http.Agent;
  port: number;
  request: PodRequest;
  timeoutMs: number;
  target: StalwartTarget;
}): Promise<PodResponse> {
  const { agent, port, request, timeoutMs, target } = options;
  return new Promise((resolve, reject) => {
    const outgoing = http.request({
      agent,
      host: 'localhost',
      port,
      method: request.method,
      path: request.path,
      headers: {
        ...request.headers,
        ...(request.body === undefined
          ? {}
          : { 'Content-Length': String(Buffer.byteLength(request.body)) }),
      },
    });
    const timer = setTimeout(
      () =>
        outgoing.destroy(
          new StalwartApiError({
            reason: 'timeout',
            message: `Stalwart did not answer ${request.method} ${
              request.path.split('?')[0]
            } within ${timeoutMs} ms`,
            target,
          }),
        ),
      timeoutMs,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(
        error instanceof StalwartApiError
          ? error
          : new StalwartApiError({
              reason: 'pod-unreachable',
              message:
                'The connection to Stalwart through the port-forward broke',
              target,
              cause: error,
            }),
      );
    };
    outgoing.on('response', response => {
      const chunks: Buffer[] = [];
      response.on('data', chunk => chunks.push(chunk));
      response.on('error', fail);
      response.on('end', () => {
        clearTimeout(timer);
        resolve({
          status: response.statusCode ?? 0,
          headers: response.headers,
          body: Buffer.concat(chunks),
        });
      });
    });
    outgoing.on('error', fail);
    outgoing.end(request.body);
  });
}
