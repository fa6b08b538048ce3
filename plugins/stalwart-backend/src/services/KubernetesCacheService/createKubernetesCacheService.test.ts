import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { setupServer } from 'msw/node';
import { FakeKubernetesCluster } from '../../__testUtils__/FakeKubernetesCluster';
import { allObjects, mailRelease } from '../../__fixtures__/mailRelease';
import { configFor, eventually } from '../../__testUtils__/cacheServiceTestKit';
import { createKubernetesCacheService } from './createKubernetesCacheService';
import type { KubernetesCacheService } from './types';

const server = setupServer();
registerMswTestHooks(server);

describe('createKubernetesCacheService', () => {
  let cluster: FakeKubernetesCluster;
  let cache: KubernetesCacheService;

  beforeEach(() => {
    cluster = new FakeKubernetesCluster('https://prod.k8s.example.com');
    cluster.add(...allObjects(mailRelease()));
    server.use(...cluster.handlers());
    cache = createKubernetesCacheService({
      config: configFor(cluster),
      logger: mockServices.logger.mock(),
    });
  });

  afterEach(async () => {
    await cache.stop();
    cluster.closeWatches();
  });

  it('lists a namespace once with the service account token, then serves reads from memory', async () => {
    const first = await cache.read({
      cluster: 'prod',
      namespace: 'mail',
      kinds: ['StatefulSet', 'Pod'],
    });
    expect(first.StatefulSet.state).toBe('live');
    expect(first.Pod.items).toHaveLength(3);

    for (let i = 0; i < 20; i++) {
      await cache.read({
        cluster: 'prod',
        namespace: 'mail',
        kinds: ['StatefulSet', 'Pod'],
      });
    }
    expect(cluster.listCount()).toBe(2);
    expect(cache.requestStats()).toEqual({ lists: 2, watches: 2 });
    expect(
      cluster.requests.every(
        r => r.authorization === 'Bearer sa-token-do-not-leak',
      ),
    ).toBe(true);
  });

  it('tells its change listeners the cluster and namespace of an object a watch saw change', async () => {
    const changes: Array<{ cluster: string; namespace: string }> = [];
    const stop = cache.onChange(change => changes.push(change));
    await cache.read({ cluster: 'prod', namespace: 'mail', kinds: ['Pod'] });
    await eventually(() =>
      expect(cluster.requests.filter(r => r.watch)).toHaveLength(1),
    );
    changes.length = 0;

    const pod = mailRelease().pods[0];
    pod.status.phase = 'Failed';
    cluster.modify(pod);

    await eventually(() =>
      expect(changes).toContainEqual({ cluster: 'prod', namespace: 'mail' }),
    );
    stop();
  });

  it('keeps neither managed fields nor the last applied manifest of listed and watched objects', async () => {
    const withBookkeeping = (object: any) => {
      object.metadata.managedFields = [
        { manager: 'helm', operation: 'Update' },
      ];
      object.metadata.annotations = {
        ...object.metadata.annotations,
        'kubectl.kubernetes.io/last-applied-configuration': '{}',
      };
      return object;
    };
    const release = mailRelease();
    cluster.modify(withBookkeeping(release.statefulSet));
    await cache.read({
      cluster: 'prod',
      namespace: 'mail',
      kinds: ['StatefulSet', 'Pod'],
    });
    await eventually(() =>
      expect(cluster.requests.filter(r => r.watch)).toHaveLength(2),
    );
    const watched = withBookkeeping(release.pods[0]);
    watched.metadata.annotations['test/changed'] = 'yes';
    cluster.modify(watched);

    await eventually(async () => {
      const read = await cache.read({
        cluster: 'prod',
        namespace: 'mail',
        kinds: ['StatefulSet', 'Pod'],
      });
      const pod = read.Pod.items.find(
        p => p.metadata?.name === watched.metadata.name,
      )!;
      expect(pod.metadata?.annotations?.['test/changed']).toBe('yes');
      for (const object of [read.StatefulSet.items[0], pod]) {
        expect(object.metadata?.managedFields).toBeUndefined();
        expect(object.metadata?.annotations).not.toHaveProperty(
          'kubectl.kubernetes.io/last-applied-configuration',
        );
      }
    });
  });

  it('applies watch events to what it serves', async () => {
    await cache.read({
      cluster: 'prod',
      namespace: 'mail',
      kinds: ['StatefulSet'],
    });
    const changed = mailRelease().statefulSet;
    changed.status.readyReplicas = 1;
    await eventually(() =>
      expect(cluster.requests.filter(r => r.watch)).toHaveLength(1),
    );

    cluster.modify(changed);

    await eventually(async () => {
      const read = await cache.read({
        cluster: 'prod',
        namespace: 'mail',
        kinds: ['StatefulSet'],
      });
      expect((read.StatefulSet.items[0] as any).status.readyReplicas).toBe(1);
    });
  });

  it('relists after the API server expires its watch with 410 Gone', async () => {
    await cache.read({ cluster: 'prod', namespace: 'mail', kinds: ['Pod'] });
    await eventually(() =>
      expect(cluster.requests.filter(r => r.watch)).toHaveLength(1),
    );

    cluster.expireWatches();

    await eventually(() => expect(cluster.listCount()).toBe(2));
  });

  it('keeps the last data marked stale when the cluster starts failing, and recovers', async () => {
    await cache.read({ cluster: 'prod', namespace: 'mail', kinds: ['Pod'] });
    await eventually(() =>
      expect(cluster.requests.filter(r => r.watch)).toHaveLength(1),
    );

    cluster.failWith({ status: 503, message: 'etcdserver: leader changed' });

    await eventually(async () => {
      const read = await cache.read({
        cluster: 'prod',
        namespace: 'mail',
        kinds: ['Pod'],
      });
      expect(read.Pod).toMatchObject({
        state: 'stale',
        error: {
          statusCode: 503,
          message: expect.stringMatching(/^HTTP 503: /),
        },
      });
      expect(read.Pod.items).toHaveLength(3);
    });

    cluster.failWith(undefined);
    await eventually(async () => {
      const read = await cache.read({
        cluster: 'prod',
        namespace: 'mail',
        kinds: ['Pod'],
      });
      expect(read.Pod.state).toBe('live');
    });
  });

  it('does not retry a rejected token and reports the 401', async () => {
    cluster.failWith({ status: 401, message: 'Unauthorized' });

    const read = await cache.read({
      cluster: 'prod',
      namespace: 'mail',
      kinds: ['Pod'],
    });

    expect(read.Pod).toMatchObject({
      state: 'unavailable',
      items: [],
      error: { statusCode: 401, message: 'HTTP 401: Unauthorized' },
    });
    expect(cluster.listCount()).toBe(1);
    expect(JSON.stringify(read)).not.toContain('sa-token-do-not-leak');
  });

  it('gives up on a hanging API server after the request timeout and bounded retries', async () => {
    cluster.failWith('hang');

    const read = await cache.read({
      cluster: 'prod',
      namespace: 'mail',
      kinds: ['Pod'],
    });

    expect(read.Pod).toMatchObject({
      state: 'unavailable',
      error: { message: 'no answer within 300 ms' },
    });
    expect(cluster.listCount()).toBe(2);
  });

  it('reports a kind the cluster does not serve as not installed rather than failing', async () => {
    const bare = new FakeKubernetesCluster('https://bare.k8s.example.com', {
      crds: false,
    });
    server.use(...bare.handlers());
    const bareCache = createKubernetesCacheService({
      config: configFor(bare),
      logger: mockServices.logger.mock(),
    });

    const read = await bareCache.read({
      cluster: 'prod',
      namespace: 'mail',
      kinds: ['Certificate', 'Pod'],
    });
    await bareCache.stop();

    expect(read.Certificate).toEqual({ state: 'not-installed', items: [] });
    expect(read.Pod.state).toBe('live');
  });
});
