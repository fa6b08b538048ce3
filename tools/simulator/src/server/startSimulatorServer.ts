import http from 'node:http';
import https from 'node:https';
import { AddressInfo } from 'node:net';
import { getResponse } from 'msw';
import {
  createSimulator,
  Simulator,
  SimulatorOptions,
  SimulatedClusterEndpoint,
} from '../createSimulator';
import { SimulatorControl } from '../control/SimulatorControl';
import { toFetchRequest, writeFetchResponse } from './serveFetch';
import { selfSignedCertificate } from './selfSignedCertificate';
import { acceptPortForwardUpgrade } from '../kube/portForwardUpgrade';

/** @public */
export interface SimulatorServerOptions
  extends Omit<SimulatorOptions, 'scenario' | 'baseUrl'> {
  scenarioDir?: string;
  scenario?: SimulatorOptions['scenario'];
  /** 0 picks a free port. */
  port?: number;
  host?: '127.0.0.1';
  /** Serve HTTPS: `true` for a fresh self-signed certificate, or your own PEM pair. */
  tls?: boolean | { cert: string; key: string };
}

/** @public */
export interface SimulatorServer {
  /** The default cluster (the scenario's first), also at `<url>/clusters/<name>`. */
  url: string;
  /** The default cluster's bearer token. */
  token: string;
  clusters: SimulatedClusterEndpoint[];
  /** With TLS: the certificate (PEM) clients should trust, e.g. `caData` base64-encoded. */
  certificate?: string;
  control: SimulatorControl;
  simulator: Simulator;
  /** How many TCP connections clients have opened to it so far. */
  connectionsAccepted(): number;
  close(): Promise<void>;
}

/**
 * Serves a scenario over HTTP on 127.0.0.1 with the same msw handlers the in-process
 * simulator uses.
 *
 * @public
 */
export async function startSimulatorServer(
  options: SimulatorServerOptions,
): Promise<SimulatorServer> {
  const scenario = options.scenario ?? options.scenarioDir;
  if (!scenario)
    throw new Error('startSimulatorServer needs a scenario or a scenarioDir');
  const host = '127.0.0.1';
  // Filled once listening: the handlers answer on the origin the chosen port gives.
  const live: { simulator?: Simulator; origin: string } = { origin: '' };

  const tls =
    options.tls === true ? selfSignedCertificate() : options.tls || undefined;
  const listener: http.RequestListener = async (req, res) => {
    try {
      const request = await toFetchRequest(req, live.origin);
      const response =
        (await getResponse(live.simulator!.handlers, request)) ??
        new Response('not found', { status: 404 });
      await writeFetchResponse(response, res);
    } catch (error) {
      if (!res.headersSent) res.statusCode = 500;
      res.end(String((error as Error).message));
    }
  };
  const server = tls
    ? https.createServer(tls, listener)
    : http.createServer(listener);
  // WebSocket and SPDY upgrades: only pods/portforward accepts them.
  server.on('upgrade', (req, socket, head) => {
    void acceptPortForwardUpgrade({
      req,
      socket,
      head,
      origin: live.origin,
      decide: request => live.simulator!.portForward(request),
    }).catch(() => socket.destroy());
  });
  const sockets = new Set<import('node:net').Socket>();
  let accepted = 0;
  server.on('connection', socket => {
    accepted += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const origin = `${tls ? 'https' : 'http'}://${host}:${
    (server.address() as AddressInfo).port
  }`;
  const simulator = createSimulator({ ...options, scenario, baseUrl: origin });
  live.origin = origin;
  live.simulator = simulator;

  return {
    url: origin,
    token: simulator.clusters[0].token,
    clusters: simulator.clusters,
    certificate: tls?.cert,
    control: simulator.control,
    simulator,
    connectionsAccepted: () => accepted,
    close: () =>
      new Promise<void>(resolve => {
        simulator.close();
        sockets.forEach(s => s.destroy());
        server.close(() => resolve());
      }),
  };
}
