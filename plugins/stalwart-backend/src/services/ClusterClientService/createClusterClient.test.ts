import {
  generateFleet,
  SimulatorServer,
  startSimulatorServer,
} from '@stalwart-backstage/simulator';
import { createClusterClient } from './createClusterClient';
import { kubeConfigFor } from './kubeConfigFor';

const POLICY = { requestTimeoutMs: 5_000, maxRetries: 0, maxBackoffMs: 0 };

describe.each([
  ['HTTPS', true],
  ['plain HTTP', false],
])('a cluster client over %s', (_, tls) => {
  let simulator: SimulatorServer;

  beforeAll(async () => {
    simulator = await startSimulatorServer({
      scenario: generateFleet({ instances: 1, clusters: 1 }),
      tls,
    });
  });
  afterAll(() => simulator.close());

  it('sends its successive requests over one kept-alive connection, not a new one each', async () => {
    const [cluster] = simulator.clusters;
    const client = createClusterClient({
      name: 'one',
      kubeConfig: kubeConfigFor({
        name: 'one',
        url: cluster.url,
        serviceAccountToken: cluster.token,
        ...(tls
          ? { caData: Buffer.from(simulator.certificate!).toString('base64') }
          : {}),
        // client-node refuses plain HTTP unless TLS checks are off, as for kubectl proxy.
        skipTLSVerify: !tls,
      }),
      ...POLICY,
    });
    const before = simulator.connectionsAccepted();

    for (let i = 0; i < 5; i++) {
      const list = await client.list('/api/v1/namespaces');
      expect(list.items.length).toBeGreaterThan(0);
    }
    await client.get('/api/v1/namespaces/mail-0000');

    expect(simulator.connectionsAccepted() - before).toBe(1);
  });
});
