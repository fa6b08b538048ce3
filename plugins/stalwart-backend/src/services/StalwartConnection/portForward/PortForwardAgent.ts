import http from 'node:http';
import type { Duplex } from 'node:stream';
import type { PortForwardSocket } from './PortForwardSocket';

/**
 * A keep-alive HTTP agent for one pod port whose connections are port-forwards: Node's HTTP
 * client decides when a connection is free again, and a free one idle for `idleTimeoutMs` is
 * closed (its WebSocket with it). Requests run through `withSlot`, at most `maxSockets` at a
 * time: `Agent` does not count connections still being opened, so its own `maxSockets` alone
 * would let a burst open one port-forward per request.
 */
export class PortForwardAgent extends http.Agent {
  lastUsed = Date.now();
  private active = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly open: () => Promise<PortForwardSocket>,
    private readonly limits: { maxSockets: number; idleTimeoutMs: number },
  ) {
    super({
      keepAlive: true,
      maxSockets: limits.maxSockets,
      maxFreeSockets: limits.maxSockets,
      timeout: limits.idleTimeoutMs,
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

  /** Runs one request once fewer than `maxSockets` are in flight on this pod. */
  async withSlot<T>(work: () => Promise<T>): Promise<T> {
    if (this.active < this.limits.maxSockets) this.active += 1;
    else await new Promise<void>(resolve => this.waiting.push(resolve));
    try {
      return await work();
    } finally {
      // A waiting request takes over the slot; otherwise it is given back.
      const next = this.waiting.shift();
      if (next) next();
      else this.active -= 1;
    }
  }

  /** Whether no connection is open or waiting. */
  isIdle(): boolean {
    const count = (sockets: NodeJS.ReadOnlyDict<unknown[]>) =>
      Object.values(sockets).reduce((n, list) => n + (list?.length ?? 0), 0);
    return (
      this.active === 0 &&
      count(this.sockets) === 0 &&
      count(this.freeSockets) === 0 &&
      count(this.requests) === 0
    );
  }
}
