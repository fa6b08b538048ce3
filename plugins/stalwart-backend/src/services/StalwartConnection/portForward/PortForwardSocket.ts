import { Duplex } from 'node:stream';
import type { RawData, WebSocket } from 'ws';
import { StalwartApiError, StalwartTarget } from '../errors/StalwartApiError';

const DATA_CHANNEL = 0;
const ERROR_CHANNEL = 1;

function toBuffer(data: RawData): Buffer {
  if (Array.isArray(data)) return Buffer.concat(data);
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}

/**
 * One TCP connection to a pod port, carried by a `v4.channel.k8s.io` port-forward WebSocket:
 * bytes written go out on channel 0, bytes read come from channel 0 after its 2-byte port
 * prefix, and text on channel 1 (kubelet's dial or copy error) destroys the stream with it.
 * It has the few `net.Socket` methods Node's HTTP client and `Agent` call, so a keep-alive
 * Agent can pool it; `setTimeout` counts idleness in both directions.
 */
export class PortForwardSocket extends Duplex {
  timeout = 0;
  private idleTimer?: NodeJS.Timeout;
  private readonly awaitingPortPrefix = new Set([DATA_CHANNEL, ERROR_CHANNEL]);
  private errorText = '';

  constructor(
    private readonly webSocket: WebSocket,
    private readonly target: StalwartTarget,
  ) {
    super({ allowHalfOpen: false });
    webSocket.on('message', data => this.onMessage(toBuffer(data)));
    webSocket.on('close', () => this.onClose());
    webSocket.on('error', error =>
      this.destroy(
        new StalwartApiError({
          reason: 'pod-unreachable',
          message: 'The port-forward stream failed',
          target,
          cause: error,
        }),
      ),
    );
  }

  private onMessage(frame: Buffer) {
    if (frame.length === 0) return;
    const channel = frame[0];
    let payload = frame.subarray(1);
    if (this.awaitingPortPrefix.delete(channel)) payload = payload.subarray(2);
    if (payload.length === 0) return;
    this.touch();
    if (channel === DATA_CHANNEL) this.push(payload);
    else if (channel === ERROR_CHANNEL)
      this.errorText += payload.toString('utf8');
  }

  private onClose() {
    if (this.errorText) {
      this.destroy(
        new StalwartApiError({
          reason: 'pod-unreachable',
          message: `Kubernetes could not forward to the pod: ${this.errorText.trim()}`,
          target: this.target,
        }),
      );
      return;
    }
    this.push(null);
  }

  private touch() {
    if (this.idleTimer) this.idleTimer.refresh();
  }

  override _read() {
    // Data is pushed as frames arrive; responses are small enough not to need backpressure.
  }

  override _write(
    chunk: Buffer,
    _encoding: BufferEncoding,
    callback: (error?: Error | null) => void,
  ) {
    this.touch();
    this.webSocket.send(
      Buffer.concat([Buffer.from([DATA_CHANNEL]), chunk]),
      callback,
    );
  }

  override _final(callback: (error?: Error | null) => void) {
    // The v4 protocol cannot half-close; ending our side ends the connection.
    this.webSocket.close(1000);
    callback();
  }

  override _destroy(
    error: Error | null,
    callback: (error?: Error | null) => void,
  ) {
    clearTimeout(this.idleTimer);
    if (this.webSocket.readyState !== this.webSocket.CLOSED)
      this.webSocket.terminate();
    callback(error);
  }

  setTimeout(ms: number, onTimeout?: () => void): this {
    clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    this.timeout = ms;
    // As net.Socket: 0 with a callback removes it (Node's HTTP client relies on this on reuse).
    if (onTimeout && ms === 0) this.removeListener('timeout', onTimeout);
    else if (onTimeout) this.once('timeout', onTimeout);
    if (ms > 0) {
      this.idleTimer = setTimeout(() => this.emit('timeout'), ms);
      this.idleTimer.unref();
    }
    return this;
  }

  setKeepAlive(): this {
    return this;
  }

  setNoDelay(): this {
    return this;
  }

  ref(): this {
    return this;
  }

  unref(): this {
    return this;
  }
}
