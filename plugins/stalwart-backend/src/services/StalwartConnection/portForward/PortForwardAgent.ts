import http from 'node:http';
import type { Duplex } from 'node:stream';
import type { PortForwardSocket } from './PortForwardSocket';

/**
 * A keep-alive HTTP agent for one pod port whose connections are port-forwards: Node's HTTP
 * client decides when a connection is free again, at most `maxSockets` are open, and a free one
 * idle for `idleTimeoutMs` is closed (its WebSocket with it).
 */
export class PortForwardAgent extends http.Agent {
  lastUsed = Date.now();

  constructor(
    private readonly open: () => Promise<PortForwardSocket>,
    options: { maxSockets: number; idleTimeoutMs: number },
  ) {
    super({
      keepAlive: true,
      maxSockets: options.maxSockets,
      maxFreeSockets: options.maxSockets,
      timeout: options.idleTimeoutMs,
      scheduling: 'lifo',
    });
  }

  override createConnection(
    _options: http.ClientRequestArgs,
    callback?: (error: Error | null, stream: Duplex) => void,
  ): undefined {
    this.lastUsed = Date.now();
    this.open().then(
      socket => callback?.(null, socket),
      error => callback?.(error, undefined as unknown as Duplex),
    );
    return undefined;
  }

  /** Whether no connection is open or waiting. */
  isIdle(): boolean {
    const count = (sockets: NodeJS.ReadOnlyDict<unknown[]>) =>
      Object.values(sockets).reduce((n, list) => n + (list?.length ?? 0), 0);
    return (
      count(this.sockets) === 0 &&
      count(this.freeSockets) === 0 &&
      count(this.requests) === 0
    );
  }
}
