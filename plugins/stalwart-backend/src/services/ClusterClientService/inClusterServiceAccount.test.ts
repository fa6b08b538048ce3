import {
  generateFleet,
  SimulatorServer,
  startSimulatorServer,
} from '@stalwart-backstage/simulator';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  fakeTheDateOnly,
  NAMESPACE_PATH,
  ONE_TRY,
} from '../../__testUtils__/authProviderTestKit';
import { createClusterClientService } from './createClusterClientService';

describe('an in-cluster service account (mounted token file and CA)', () => {
  let simulator: SimulatorServer;
  let dir: string;

  beforeAll(async () => {
    const scenario = generateFleet({ instances: 1, clusters: 1 });
    scenario.clusters[0].users.push({
      name: 'system:serviceaccount:backstage:backstage',
      token: 'rotated-token',
      deny: [],
    });
    simulator = await startSimulatorServer({ scenario, tls: true });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'serviceaccount-'));
    fs.writeFileSync(path.join(dir, 'token'), simulator.clusters[0].token);
    fs.writeFileSync(path.join(dir, 'ca.crt'), simulator.certificate!);
    // client-node re-reads the token file once it is a minute old.
    fakeTheDateOnly();
  });
  afterAll(async () => {
    jest.useRealTimers();
    await simulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const client = () =>
    createClusterClientService({
      clusters: [
        {
          name: 'fleet-1',
          url: simulator.clusters[0].url,
          serviceAccountTokenFile: path.join(dir, 'token'),
          caFile: path.join(dir, 'ca.crt'),
          skipTLSVerify: false,
        },
      ],
    }).client('fleet-1', ONE_TRY);

  it('authenticates with the mounted token, follows the kubelet rotating it, and names the file once it is gone', async () => {
    const cluster = client();
    await expect(cluster.get(NAMESPACE_PATH)).resolves.toMatchObject({
      kind: 'Namespace',
    });

    // The kubelet rotates the token; the API server stops accepting the old one.
    fs.writeFileSync(path.join(dir, 'token'), 'rotated-token');
    const users = simulator.simulator.state.clusters.get('fleet-1')!.users;
    users.splice(0, 1);
    jest.setSystemTime(Date.now() + 61_000);
    await expect(cluster.get(NAMESPACE_PATH)).resolves.toMatchObject({
      kind: 'Namespace',
    });

    fs.rmSync(path.join(dir, 'token'));
    jest.setSystemTime(Date.now() + 61_000);
    await expect(cluster.get(NAMESPACE_PATH)).rejects.toThrow(
      `${path.join(dir, 'token')}`,
    );
  });
});
