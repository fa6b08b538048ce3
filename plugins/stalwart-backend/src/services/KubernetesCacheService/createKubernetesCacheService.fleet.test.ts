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
});
