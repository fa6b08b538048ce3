import type { KubeConfig } from '@kubernetes/client-node';
import type { IncomingMessage } from 'node:http';
import type { RequestOptions } from 'node:https';
import WebSocket from 'ws';
import { StalwartApiError, StalwartTarget } from '../errors/StalwartApiError';
import { PortForwardSocket } from './PortForwardSocket';

const V4_CHANNEL = 'v4.channel.k8s.io';

function readBody(response: IncomingMessage): Promise<string> {
  return new Promise(resolve => {
    let body = '';
    response.on('data', chunk => {
      if (body.length < 4096) body += chunk;
    });
    response.on('end', () => resolve(body));
    response.on('error', () => resolve(body));
  });
}

/** The message of a Kubernetes `Status` body, if it is one. */
function statusMessage(body: string): string | undefined {
  try {
    const status = JSON.parse(body);
    return status?.kind === 'Status' && typeof status.message === 'string'
      ? status.message
      : undefined;
  } catch {
    return undefined;
  }
}

function refusal(status: number, body: string, target: StalwartTarget) {
  const said = statusMessage(body);
  const because = said ? `: ${said}` : '';
  if (status === 401 || status === 403) {
    return new StalwartApiError({
      reason: 'port-forward-forbidden',
      message: `The Kubernetes API refused pods/portforward to the backend (HTTP ${status})${because}`,
      target,
      upstreamStatus: status,
    });
  }
  return new StalwartApiError({
    reason: status >= 500 ? 'cluster-unreachable' : 'pod-unreachable',
    message: `The Kubernetes API could not open a port-forward (HTTP ${status})${because}`,
    target,
    upstreamStatus: status,
  });
}

/**
 * Opens a port-forward to one port of a pod through the cluster's API server with the
 * backend's cluster credentials, speaking `v4.channel.k8s.io` as kubelet serves it. The path
 * is built from a pod found in the cluster, never from caller input.
 */
export async function openPortForward(options: {
  kubeConfig: KubeConfig;
  target: StalwartTarget;
  port: number;
  timeoutMs: number;
}): Promise<PortForwardSocket> {
  const { kubeConfig, target, port, timeoutMs } = options;
  const server = kubeConfig.getCurrentCluster()!.server.replace(/\/+$/, '');
  const url = `${server.replace(
    /^http/,
    'ws',
  )}/api/v1/namespaces/${encodeURIComponent(
    target.namespace,
  )}/pods/${encodeURIComponent(target.pod)}/portforward?ports=${port}`;
  const tls: RequestOptions = {};
  await kubeConfig.applyToHTTPSOptions(tls);

  const webSocket = new WebSocket(url, [V4_CHANNEL], {
    ...(tls as WebSocket.ClientOptions),
    handshakeTimeout: timeoutMs,
    perMessageDeflate: false,
  });
  return new Promise((resolve, reject) => {
    webSocket.once('open', () => {
      if (webSocket.protocol !== V4_CHANNEL) {
        webSocket.terminate();
        reject(
          new StalwartApiError({
            reason: 'cluster-unreachable',
            message: `The Kubernetes API answered the port-forward with subprotocol "${webSocket.protocol}", not ${V4_CHANNEL}`,
            target,
          }),
        );
        return;
      }
      resolve(new PortForwardSocket(webSocket, target));
    });
    webSocket.once('unexpected-response', (_request, response) => {
      void readBody(response).then(body => {
        webSocket.terminate();
        reject(refusal(response.statusCode ?? 0, body, target));
      });
    });
    webSocket.once('error', error =>
      reject(
        new StalwartApiError({
          reason: /timed? ?out/i.test(error.message)
            ? 'timeout'
            : 'cluster-unreachable',
          message:
            'The Kubernetes API server could not be reached for a port-forward',
          target,
          cause: error,
        }),
      ),
    );
  });
}
