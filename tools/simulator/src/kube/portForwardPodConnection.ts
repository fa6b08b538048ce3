import http from 'node:http';
import { Duplex, duplexPair } from 'node:stream';
import { toFetchRequest, writeFetchResponse } from '../server/serveFetch';

/** Answers the HTTP requests a simulated pod port receives. */
export type PodHttpBackend = (request: Request) => Promise<Response>;

/**
 * Opens a byte-stream connection to a simulated pod's HTTP port, as a TCP connection
 * through `kubectl port-forward` would be: whatever is written to the returned stream is
 * parsed by Node's own HTTP/1.1 server (keep-alive, chunked bodies, pipelining) and each
 * request is answered by `backend`, so clients see real wire bytes, not msw objects.
 */
export function connectToPodHttp(options: {
  backend: PodHttpBackend;
  podIP: string;
  port: number;
}): Duplex {
  const { backend, podIP, port } = options;
  const origin = `http://${podIP}:${port}`;
  const [client, server] = duplexPair();
  const httpServer = http.createServer(async (req, res) => {
    try {
      const response = await backend(await toFetchRequest(req, origin));
      await writeFetchResponse(response, res);
    } catch (error) {
      if (!res.headersSent) res.statusCode = 500;
      res.end(String((error as Error).message));
    }
  });
  httpServer.emit('connection', server);
  // Either end going away is a closed TCP connection for the other.
  client.once('close', () => server.destroy());
  server.once('close', () => client.destroy());
  return client;
}
