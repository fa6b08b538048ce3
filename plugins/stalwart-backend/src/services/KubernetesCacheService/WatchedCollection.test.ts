import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { setupServer } from 'msw/node';
import { FakeKubernetesCluster } from '../../__testUtils__/FakeKubernetesCluster';
import { allObjects, mailRelease } from '../../__fixtures__/mailRelease';
import { configFor, eventually } from '../../__testUtils__/cacheServiceTestKit';
import { createKubernetesCacheService } from './createKubernetesCacheService';
import { WATCH_SELECTORS } from './watchSelectors';

const server = setupServer();
registerMswTestHooks(server);

describe('a watch the API server refuses', () => {
  it('names the refused collection in the reason, since a refused watch carries only the status text', async () => {
    const cluster = new FakeKubernetesCluster('https://prod.k8s.example.com');
    cluster.add(...allObjects(mailRelease()));
    server.use(...cluster.handlers());
    const cache = createKubernetesCacheService({
      config: configFor(cluster),
      logger: mockServices.logger.mock(),
    });
    const read = () =>
      cache.read({
        cluster: 'prod',
        namespace: 'mail',
        kinds: ['Certificate'],
      });
    try {
      expect((await read()).Certificate.state).toBe('live');
      await eventually(() =>
        expect(cluster.requests.filter(r => r.watch)).toHaveLength(
          WATCH_SELECTORS.Certificate.length,
        ),
      );

      // RBAC revoked: the watch reconnects from its resourceVersion and gets a 403.
      cluster.failWith({ status: 403, message: 'certificates is forbidden' });

      await eventually(async () =>
        expect((await read()).Certificate).toMatchObject({
          state: 'stale',
          error: {
            statusCode: 403,
            message: expect.stringMatching(
              /^HTTP 403: .*watching \/apis\/cert-manager\.io\/v1\/certificates$/,
            ),
          },
        }),
      );
    } finally {
      await cache.stop();
      cluster.closeWatches();
    }
  });
});
