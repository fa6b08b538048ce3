import net, { type AddressInfo } from 'node:net';

/**
 * A TCP relay to a target port that can stop listening and start again on the same port: while
 * closed, connecting to it is refused, exactly as a cluster whose API server is down.
 */
export async function startClosableProxy(targetPort: number) {
  const sockets = new Set<net.Socket>();
  const server = net.createServer(client => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => socket.destroy());
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  await listen(0);
  const port = (server.address() as AddressInfo).port;

  return {
    port,
    /** Stops listening and cuts every open connection. */
    async refuse() {
      const closed = new Promise<void>(resolve =>
        server.close(() => resolve()),
      );
      sockets.forEach(socket => socket.destroy());
      await closed;
    },
    /** Listens again on the same port. */
    accept: () => listen(port),
    async stop() {
      sockets.forEach(socket => socket.destroy());
      if (server.listening) {
        await new Promise<void>(resolve => server.close(() => resolve()));
      }
    },
  };
}
