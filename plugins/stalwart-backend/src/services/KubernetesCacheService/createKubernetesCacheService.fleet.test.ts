import {
  mockServices,
  registerMswTestHooks,
} from '@backstage/backend-test-utils';
import { setupServer } from 'msw/node';
import { FakeKubernetesCluster } from '../../__testUtils__/FakeKubernetesCluster';
import { allObjects, mailRelease } from '../../__fixtures__/mailRelease';
import {
  configFor,
  eventually,
  namespacesOf,
  releaseIn,
} from '../../__testUtils__/cacheServiceTestKit';
import { createKubernetesCacheService } from './createKubernetesCacheService';
import type { KubernetesCacheService } from './types';

const server = setupServer();
registerMswTestHooks(server);

describe('createKubernetesCacheService across a fleet of namespaces', () => {
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

  it('serves two instances in different namespaces from one cluster-wide watch per kind', async () => {
    cluster.add(...releaseIn('mail-b'));

    const a = await cache.read({
      cluster: 'prod',
      namespace: 'mail',
      kinds: ['StatefulSet', 'Pod'],
    });
    const b = await cache.read({
      cluster: 'prod',
      namespace: 'mail-b',
      kinds: ['StatefulSet', 'Pod'],
    });

    expect(a.Pod.items).toHaveLength(3);
    expect(namespacesOf(a.Pod.items)).toEqual(['mail']);
    expect(b.Pod.items).toHaveLength(3);
    expect(namespacesOf(b.Pod.items)).toEqual(['mail-b']);
    expect(b.StatefulSet.items[0]).toMatchObject({
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
    });
    expect(cache.requestStats()).toEqual({ lists: 2, watches: 2 });
    expect([...new Set(cluster.requests.map(r => r.path))].sort()).toEqual([
      '/api/v1/pods',
      '/apis/apps/v1/statefulsets',
    ]);
  });

  it('answers an unread namespace with nothing rather than failing', async () => {
    const read = await cache.read({
      cluster: 'prod',
      namespace: 'nobody-here',
      kinds: ['Pod'],
    });

    expect(read.Pod).toMatchObject({ state: 'live', items: [] });
  });

  it('applies a cluster-wide watch event to the namespace it belongs to', async () => {
    await cache.read({ cluster: 'prod', namespace: 'mail', kinds: ['Pod'] });
    await eventually(() =>
      expect(cluster.requests.filter(r => r.watch)).toHaveLength(1),
    );

    const [newcomer] = releaseIn('mail-b').filter(o => o.kind === 'Pod');
    cluster.modify(newcomer);

    await eventually(async () => {
      const read = await cache.read({
        cluster: 'prod',
        namespace: 'mail-b',
        kinds: ['Pod'],
      });
      expect(read.Pod.items.map(p => p.metadata?.name)).toEqual([
        newcomer.metadata?.name,
      ]);
    });
    const mail = await cache.read({
      cluster: 'prod',
      namespace: 'mail',
      kinds: ['Pod'],
    });
    expect(mail.Pod.items).toHaveLength(3);
    expect(cluster.listCount()).toBe(1);
  });

  it('opens one watch per namespace with watchScope namespace, for clusters granting only Roles', async () => {
    cluster.add(...releaseIn('mail-b'));
    const scoped = createKubernetesCacheService({
      config: configFor(cluster, 'namespace'),
      logger: mockServices.logger.mock(),
    });

    const a = await scoped.read({
      cluster: 'prod',
      namespace: 'mail',
      kinds: ['Pod'],
    });
    const b = await scoped.read({
      cluster: 'prod',
      namespace: 'mail-b',
      kinds: ['Pod'],
    });
    const stats = scoped.requestStats();
    await scoped.stop();

    expect(namespacesOf(a.Pod.items)).toEqual(['mail']);
    expect(namespacesOf(b.Pod.items)).toEqual(['mail-b']);
    expect(stats).toEqual({ lists: 2, watches: 2 });
    expect([...new Set(cluster.requests.map(r => r.path))].sort()).toEqual([
      '/api/v1/namespaces/mail-b/pods',
      '/api/v1/namespaces/mail/pods',
    ]);
  });

  it('never lists or watches Secrets, whichever kinds are read', async () => {
    await cache.read({
      cluster: 'prod',
      namespace: 'mail',
      kinds: [
        'StatefulSet',
        'Deployment',
        'Pod',
        'Service',
        'ConfigMap',
        'Certificate',
        'HelmRelease',
        'Application',
      ],
    });

    expect(cluster.requests.length).toBeGreaterThan(0);
    expect(cluster.requests.some(r => r.path.includes('secrets'))).toBe(false);
  });

  it('starts listing a kind in every configured cluster on its first read in one, and serves each its own', async () => {
    const edge = new FakeKubernetesCluster('https://edge.k8s.example.com');
    edge.add(...releaseIn('mail-edge'));
    server.use(...edge.handlers());
    const prod = configFor(cluster);
    const twoClusters = createKubernetesCacheService({
      config: {
        ...prod,
        clusters: [
          ...prod.clusters,
          { ...prod.clusters[0], name: 'edge', url: edge.url },
        ],
      },
      logger: mockServices.logger.mock(),
    });

    try {
      await twoClusters.read({
        cluster: 'prod',
        namespace: 'mail',
        kinds: ['Pod'],
      });
      await eventually(() => expect(edge.listCount()).toBe(1));
      expect(edge.requests[0].path).toBe('/api/v1/pods');

      const fromEdge = await twoClusters.read({
        cluster: 'edge',
        namespace: 'mail-edge',
        kinds: ['Pod'],
      });
      expect(fromEdge.Pod.state).toBe('live');
      expect(namespacesOf(fromEdge.Pod.items)).toEqual(['mail-edge']);
      expect(edge.listCount()).toBe(1);
      expect(cluster.listCount()).toBe(1);
      // Stop only once both watches are open, or a watch still connecting outlives the test.
      await eventually(() =>
        expect(edge.requests.filter(r => r.watch)).toHaveLength(1),
      );
    } finally {
      await twoClusters.stop();
      edge.closeWatches();
    }
  });
});
