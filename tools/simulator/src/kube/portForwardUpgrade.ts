import { IncomingMessage, STATUS_CODES } from 'node:http';
import { Duplex } from 'node:stream';
import { WebSocketServer, createWebSocketStream } from 'ws';
import type { PortForwardDecision } from './portForwardAccess';
import { serveChannelPortForward } from './portForwardChannels';
import { serveSpdyPortForward } from './portForwardSpdy';
import { KubeStatus, badRequest } from './status';

const V4_CHANNEL = 'v4.channel.k8s.io';
const SPDY_OVER_WEBSOCKET = 'SPDY/3.1+portforward.k8s.io';
const SPDY_UPGRADE = 'spdy/3.1';
const PORT_FORWARD_V1 = 'portforward.k8s.io';

function rejectUpgrade(socket: Duplex, status: KubeStatus) {
  const body = JSON.stringify(status);
  const head = [
    `HTTP/1.1 ${status.code} ${STATUS_CODES[status.code] ?? ''}`,
    'Content-Type: application/json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
  ];
  socket.end(`${head.join('\r\n')}\r\n\r\n${body}`);
}

function headersOf(req: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) value.forEach(v => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  return headers;
}

/**
 * Accepts an HTTP upgrade for `pods/<name>/portforward` in the three ways a kube-apiserver
 * does: a WebSocket with `v4.channel.k8s.io` (client-node, this project's backend), a
 * WebSocket tunnelling SPDY (`SPDY/3.1+portforward.k8s.io`, kubectl ≥ 1.31), and a plain
 * `Upgrade: SPDY/3.1` (older kubectl, and kubectl's fallback). `decide` authenticates and
 * authorizes exactly as for the other requests of the cluster.
 */
export async function acceptPortForwardUpgrade(options: {
  req: IncomingMessage;
  socket: Duplex;
  head: Buffer;
  origin: string;
  decide: (request: Request) => Promise<PortForwardDecision>;
}): Promise<void> {
  const { req, socket, head, origin, decide } = options;
  socket.on('error', () => socket.destroy());
  const request = new Request(new URL(req.url ?? '/', origin), {
    method: req.method,
    headers: headersOf(req),
  });
  const decision = await decide(request);
  if ('status' in decision) {
    rejectUpgrade(socket, decision.status);
    return;
  }
  const upgrade = String(req.headers.upgrade ?? '').toLowerCase();

  if (upgrade === SPDY_UPGRADE) {
    const offered = request.headers.get('x-stream-protocol-version') ?? '';
    if (!offered.split(/,\s*/).includes(PORT_FORWARD_V1)) {
      rejectUpgrade(
        socket,
        badRequest('unable to upgrade: no common protocol'),
      );
      return;
    }
    const switching = [
      'HTTP/1.1 101 Switching Protocols',
      'Connection: Upgrade',
      'Upgrade: SPDY/3.1',
      `X-Stream-Protocol-Version: ${PORT_FORWARD_V1}`,
    ];
    socket.write(`${switching.join('\r\n')}\r\n\r\n`);
    if (head.length) socket.unshift(head);
    serveSpdyPortForward(socket, decision.open);
    return;
  }
  if (upgrade !== 'websocket') {
    rejectUpgrade(socket, badRequest(`unsupported upgrade "${upgrade}"`));
    return;
  }

  const offered = (req.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map(p => p.trim())
    .filter(Boolean);
  let protocol: string | undefined;
  if (offered.includes(SPDY_OVER_WEBSOCKET)) protocol = SPDY_OVER_WEBSOCKET;
  else if (offered.includes(V4_CHANNEL) || offered.length === 0)
    protocol = V4_CHANNEL;
  if (!protocol) {
    rejectUpgrade(
      socket,
      badRequest(`none of the subprotocols ${offered.join(', ')} is supported`),
    );
    return;
  }
  if (protocol === V4_CHANNEL && decision.ports.length === 0) {
    rejectUpgrade(socket, badRequest('query parameter "ports" is required'));
    return;
  }
  const server = new WebSocketServer({ noServer: true, clientTracking: false });
  // ws refuses subprotocols that are not RFC 7230 tokens, and the SPDY one contains `/`
  // (gorilla/websocket in kube-apiserver accepts it), so the choice is written here instead.
  delete req.headers['sec-websocket-protocol'];
  server.once('headers', headers =>
    headers.push(`Sec-WebSocket-Protocol: ${protocol}`),
  );
  server.handleUpgrade(req, socket, head, webSocket => {
    if (protocol === SPDY_OVER_WEBSOCKET)
      serveSpdyPortForward(createWebSocketStream(webSocket), decision.open);
    else serveChannelPortForward(webSocket, decision.ports, decision.open);
  });
}
