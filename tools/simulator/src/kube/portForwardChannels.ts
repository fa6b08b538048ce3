import { Duplex } from 'node:stream';
import type { RawData, WebSocket } from 'ws';
import type { OpenPodPort } from './portForwardAccess';

function toBuffer(data: RawData): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}

/**
 * Serves the `v4.channel.k8s.io` port-forward protocol (kubelet's WebSocket port-forward, what
 * `@kubernetes/client-node`'s PortForward speaks): the n-th port of `?ports=` gets data channel
 * 2n and error channel 2n+1; every binary message starts with its channel byte; the server's
 * first message on each channel is the port number, 2 bytes little-endian. The WebSocket
 * closes once every forwarded connection has ended.
 */
export function serveChannelPortForward(
  socket: WebSocket,
  ports: number[],
  open: OpenPodPort,
) {
  const send = (channel: number, data: Buffer) => {
    if (socket.readyState === socket.OPEN)
      socket.send(Buffer.concat([Buffer.from([channel]), data]));
  };
  let remaining = ports.length;
  const ended = () => {
    remaining -= 1;
    if (remaining === 0 && socket.readyState === socket.OPEN)
      socket.close(1000);
  };

  const connections: Array<Duplex | undefined> = ports.map((port, index) => {
    const portBytes = Buffer.alloc(2);
    portBytes.writeUInt16LE(port);
    send(2 * index, portBytes);
    send(2 * index + 1, portBytes);
    const opened = open(port);
    if ('error' in opened) {
      send(2 * index + 1, Buffer.from(opened.error));
      ended();
      return undefined;
    }
    let done = false;
    const finish = () => {
      if (!done) {
        done = true;
        ended();
      }
    };
    opened.on('data', (chunk: Buffer) => send(2 * index, chunk));
    opened.on('end', finish);
    opened.on('close', finish);
    opened.on('error', () => opened.destroy());
    return opened;
  });

  socket.on('message', (data, isBinary) => {
    const bytes = toBuffer(data);
    if (!isBinary || bytes.length === 0) return;
    const channel = bytes[0];
    // Writes on an error channel mean nothing to kubelet; only data channels reach the pod.
    if (channel % 2 === 0) connections[channel / 2]?.write(bytes.subarray(1));
  });
  socket.on('close', () => connections.forEach(c => c?.destroy()));
}
