import {
  ConnectionFixture,
  homelabEntity,
  startConnectionFixture,
} from '../../__testUtils__/startConnectionFixture';
import type { V015Client } from './clients/V015Client';
import { resolvedInstanceOf } from '../InstanceResolver/instanceFromEntity';

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

describe('the per-pod port-forward pool', () => {
  let fixture: ConnectionFixture;
  let client: V015Client;
  let portForwards: jest.SpyInstance;
  beforeAll(async () => {
    fixture = await startConnectionFixture({
      connection: {
        idleTimeout: { milliseconds: 300 },
        maxConnectionsPerPod: 2,
      },
    });
    const [pod] = (
      await fixture.service.connect({
        instance: resolvedInstanceOf(homelabEntity()),
      })
    ).clusters[0].pods;
    if (pod.engine !== 'v0.15') throw new Error('not v0.15');
    client = pod.client;
    // Every pods/portforward upgrade the simulator's API server decides.
    portForwards = jest.spyOn(fixture.server.simulator, 'portForward');
  });
  afterAll(() => fixture.stop());
  beforeEach(() => portForwards.mockClear());

  it('sends consecutive requests over one kept-alive port-forward', async () => {
    await client.listSettings();
    await client.getKeys(['cluster.node-id']);
    await client.listSettings();
    expect(portForwards).toHaveBeenCalledTimes(1);
  });

  it('opens at most maxConnectionsPerPod port-forwards for concurrent requests', async () => {
    await sleep(700);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => client.getKeys(['cluster.node-id'])),
    );
    expect(answers.every(a => a['cluster.node-id'] === '0')).toBe(true);
    expect(portForwards).toHaveBeenCalledTimes(2);
  });

  it('closes port-forwards idle longer than idleTimeout, and opens a fresh one when needed', async () => {
    await client.listSettings();
    await sleep(700);
    portForwards.mockClear();
    await client.listSettings();
    expect(portForwards).toHaveBeenCalledTimes(1);
  });
});
