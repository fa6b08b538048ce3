import {
  createServiceFactory,
  type BackendFeature,
} from '@backstage/backend-plugin-api';
import { mockServices, startTestBackend } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  catalogServiceRef,
  type CatalogService,
} from '@backstage/plugin-catalog-node';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import {
  eksTokenReview,
  generateFleet,
  startSimulatorServer,
  type SimulatorServer,
} from '@stalwart-backstage/simulator';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { eventually } from '../../../__testUtils__/cacheServiceTestKit';
import { stalwartPlugin } from '../../../plugin';
import { capturingScheduler } from '../../../__testUtils__/capturingScheduler';

const IAM_USER = {
  accessKeyId: 'AKIASTALWARTTEST0001',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSTALWARTKEY',
};

/** Two simulated EKS clusters, each admitting only an EKS token for its own cluster id. */
async function startEksFleet(): Promise<SimulatorServer> {
  const scenario = generateFleet({ instances: 2, clusters: 2 });
  for (const cluster of scenario.clusters) {
    cluster.users = [
      {
        name: 'arn:aws:iam::123456789012:user/backstage',
        token: `not-a-static-token-${randomUUID()}`,
        deny: [],
        tokenReview: eksTokenReview({
          clusterId: cluster.name,
          credentials: [IAM_USER],
          lifetimeMs: 15 * 60_000,
        }),
      },
    ];
  }
  return startSimulatorServer({ scenario, tls: true });
}

/** A catalog whose entities the test changes while the backend runs. */
function liveCatalog(entities: Entity[]): BackendFeature {
  const current = () => catalogServiceMock({ entities }) as any;
  const catalog = new Proxy({} as CatalogService, {
    get: (_, method) =>
      typeof current()[method] === 'function'
        ? (...args: unknown[]) => current()[method](...args)
        : undefined,
  });
  return createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () => catalog,
  });
}

describe('clusters located in the catalog (the core catalog locator)', () => {
  let simulator: SimulatorServer;
  let stopBackend: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    simulator = await startEksFleet();
  });
  afterAll(() => simulator?.close());
  afterEach(() => stopBackend?.());

  const clusterEntity = (
    name: string,
    apiServer: string,
    annotations: Record<string, string> = {},
  ): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Resource',
    metadata: {
      name,
      namespace: 'default',
      annotations: {
        'kubernetes.io/api-server': apiServer,
        'kubernetes.io/api-server-certificate-authority': Buffer.from(
          simulator.certificate!,
        ).toString('base64'),
        'kubernetes.io/auth-provider': 'aws',
        'kubernetes.io/x-k8s-aws-id': name,
        ...annotations,
      },
    },
    spec: { type: 'kubernetes-cluster', owner: 'group:default/platform' },
  });
  const instanceEntity = (index: number, cluster: string): Entity => ({
    apiVersion: 'backstage.io/v1alpha1',
    kind: 'Component',
    metadata: {
      name: `mail-${index}`,
      namespace: 'default',
      annotations: {
        'stalwart.io/release': `stalwart-000${index}`,
        'stalwart.io/namespace': `mail-000${index}`,
        'stalwart.io/chart': 'antigenic',
        'stalwart.io/hostname': `stalwart-000${index}.example.com`,
        'stalwart.io/clusters': cluster,
      },
    },
    spec: {
      type: 'service',
      lifecycle: 'production',
      owner: 'group:default/mail-team',
    },
  });

  async function startBackend(entities: Entity[]) {
    const scheduler = capturingScheduler();
    const backend = await startTestBackend({
      features: [
        stalwartPlugin,
        scheduler.factory,
        liveCatalog(entities),
        mockServices.rootConfig.factory({
          data: {
            kubernetes: {
              clusterLocatorMethods: [
                // The simulator listens on loopback, which the core rules refuse unless allowed.
                { type: 'catalog', dangerouslyAllowClusterUrls: ['127.0.0.1'] },
              ],
            },
            aws: { mainAccount: IAM_USER },
            stalwart: {
              clusters: { refreshInterval: { seconds: 1 } },
              status: { initialSyncTimeout: '5s', requestTimeout: '3s' },
            },
          },
        }),
      ],
    });
    stopBackend = () => backend.stop();
    expect(scheduler.task('stalwart-cluster-locators')).toMatchObject({
      scope: 'local',
      frequency: { seconds: 1 },
    });
    return {
      status: (index: number) =>
        request(backend.server).get(
          `/api/stalwart/v1/entities/default/component/mail-${index}/status`,
        ),
      refresh: () => scheduler.run('stalwart-cluster-locators'),
    };
  }

  it('serves live status from a catalog-located cluster, lists a malformed one as unsupported by name, and picks up a cluster added or removed later', async () => {
    const [fleet1, fleet2] = simulator.clusters;
    const entities = [
      clusterEntity('fleet-1', fleet1.url),
      clusterEntity('broken', 'https://exa mple.com:port'),
      instanceEntity(0, 'fleet-1'),
      instanceEntity(1, 'fleet-2'),
      instanceEntity(2, 'broken'),
    ];
    const { status, refresh } = await startBackend(entities);
    await refresh();

    await eventually(async () => {
      const res = await status(0);
      expect(res.status).toBe(200);
      expect(res.body.clusters).toEqual([
        expect.objectContaining({
          cluster: 'fleet-1',
          data: 'live',
          workload: expect.objectContaining({ kind: 'StatefulSet' }),
        }),
      ]);
    });

    const broken = await status(2);
    expect(broken.body.clusters[0]).toMatchObject({
      cluster: 'broken',
      data: 'unavailable',
    });
    expect(JSON.stringify(broken.body)).toContain(
      'catalog entity resource:default/broken has kubernetes.io/api-server \\"https://exa mple.com:port\\", which is not a valid URL',
    );
    const notYet = await status(1);
    expect(notYet.body.clusters[0]).toMatchObject({
      cluster: 'fleet-2',
      data: 'unavailable',
    });

    entities.push(clusterEntity('fleet-2', fleet2.url));
    expect((await status(1)).body.clusters[0].data).toBe('unavailable');
    await refresh();
    await eventually(async () => {
      const res = await status(1);
      expect(res.body.clusters).toEqual([
        expect.objectContaining({ cluster: 'fleet-2', data: 'live' }),
      ]);
    });

    entities.splice(0, 1);
    await refresh();
    const removed = await status(0);
    expect(removed.body.clusters[0]).toMatchObject({
      cluster: 'fleet-1',
      data: 'unavailable',
      error: {
        message:
          'Cluster "fleet-1" is not configured in kubernetes.clusterLocatorMethods',
      },
    });
  });
});
