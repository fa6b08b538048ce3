import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { setupServer } from 'msw/node';
import type { ClusterConfig } from '../../config/types';
import { FakeKubernetesCluster } from '../../__testUtils__/FakeKubernetesCluster';
import { allObjects, mailRelease } from '../../__fixtures__/mailRelease';
import { configFor, releaseIn } from '../../__testUtils__/cacheServiceTestKit';
import { createClusterClientService } from '../ClusterClientService/createClusterClientService';
import type { SuppliedClusters } from '../ClusterSupplier/types';
import { createKubernetesCacheService } from './createKubernetesCacheService';

const server = setupServer();
registerMswTestHooks(server);

const located = (url: string): SuppliedClusters => ({
  clusters: [
    { name: 'moving', url, serviceAccountToken: 't', skipTLSVerify: false },
  ] as ClusterConfig[],
  unsupportedClusters: [],
});

describe('createKubernetesCacheService when the located clusters change', () => {
  it("stops a cluster's watches when it moves or goes, and watches it afresh where it is now", async () => {
    const before = new FakeKubernetesCluster('https://before.example.com');
    before.add(...allObjects(mailRelease()));
    const after = new FakeKubernetesCluster('https://after.example.com');
    after.add(...releaseIn('mail'), ...releaseIn('other'));
    server.use(...before.handlers(), ...after.handlers());
    let answer = located(before.url);
    const clusterClients = createClusterClientService({
      clusters: [],
      suppliers: [{ locator: 'catalog', getClusters: async () => answer }],
    });
    await clusterClients.refresh();
    const cache = createKubernetesCacheService({
      config: { ...configFor(before), clusters: [] },
      logger: mockServices.logger.mock(),
      clusterClients,
    });
    const readPods = () =>
      cache.read({ cluster: 'moving', namespace: 'other', kinds: ['Pod'] });
    try {
      expect((await readPods()).Pod).toMatchObject({
        state: 'live',
        items: [],
      });

      answer = located(after.url);
      await clusterClients.refresh();
      const moved = await readPods();
      expect(moved.Pod).toMatchObject({ state: 'live' });
      expect(moved.Pod.items).toHaveLength(3);

      // A watch still running would reconnect and list again when its connection ends.
      const requestsBefore = before.requests.length;
      before.closeWatches();
      await new Promise(resolve => setTimeout(resolve, 500));
      expect(before.requests.length).toBe(requestsBefore);

      answer = { clusters: [], unsupportedClusters: [] };
      await clusterClients.refresh();
      await expect(readPods()).rejects.toThrow('Unknown cluster "moving"');
    } finally {
      await cache.stop();
      before.closeWatches();
      after.closeWatches();
    }
  });
});
