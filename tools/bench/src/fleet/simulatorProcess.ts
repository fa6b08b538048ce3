/*
 * Entry of the simulator child process: the generated fleet served over HTTPS on 127.0.0.1,
 * with a request counter in front. It runs apart from the load generator so that neither
 * steals the other's event loop, and so its CPU can be read on its own.
 */
import {
  generateFleet,
  startSimulatorServer,
} from '@stalwart-backstage/simulator';
import { createRequestCounter } from './requestCounter';
import type { ParentMessage, SimulatorMessage } from './simulatorMessages';

function argument(name: string, min = 1): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = Number(process.argv[index + 1]);
  if (index < 0 || !Number.isInteger(value) || value < min) {
    throw new Error(
      `the simulator process needs --${name} <integer >= ${min}>`,
    );
  }
  return value;
}

const send = (message: SimulatorMessage) => process.send?.(message);

async function main() {
  const scenario = generateFleet({
    instances: argument('instances'),
    clusters: argument('clusters'),
    now: new Date(argument('now')),
    noise: argument('noise', 0),
  });
  const server = await startSimulatorServer({ scenario, port: 0, tls: true });
  const counter = createRequestCounter(server.clusters[0].name);
  // startSimulatorServer reads this array for every request: first in line sees them all.
  server.simulator.handlers.unshift(counter.handler);

  let closing = false;
  const close = async () => {
    if (closing) return;
    closing = true;
    await server.close();
    process.exit(0);
  };
  process.on('message', (message: ParentMessage) => {
    if (message.type === 'counts') {
      const bytes = Object.values(server.control.requestCounts()).reduce(
        (sum, c) => sum + c.bytes,
        0,
      );
      send({
        type: 'counts',
        id: message.id,
        counts: { ...counter.snapshot(), bytes },
      });
    }
  });
  process.on('disconnect', () => void close());
  process.on('SIGTERM', () => void close());
  send({
    type: 'ready',
    url: server.url,
    clusters: server.clusters,
    certificate: server.certificate!,
  });
}

main().catch(error => {
  send({ type: 'failed', error: String(error?.stack ?? error) });
  process.exit(1);
});
