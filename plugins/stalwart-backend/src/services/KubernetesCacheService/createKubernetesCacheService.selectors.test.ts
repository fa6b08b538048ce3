import { mockServices } from '@backstage/backend-test-utils';
import type { Entity } from '@backstage/catalog-model';
import {
  generateFleet,
  SimulatorServer,
  startSimulatorServer,
} from '@stalwart-backstage/simulator';
import type { StalwartStatusConfig } from '../../config/types';
import { createStatusService } from '../StatusService/createStatusService';
import { eventually } from '../../__testUtils__/cacheServiceTestKit';
import { createClusterClientService } from '../ClusterClientService/createClusterClientService';
import { createKubernetesCacheService } from './createKubernetesCacheService';
import { resolvedInstanceOf } from '../InstanceResolver/instanceFromEntity';
import { listAllPages } from './listAllPages';
import { RESOURCE_KINDS } from './resourceKinds';
import { WATCH_SELECTORS } from './watchSelectors';
import type { KubernetesCacheService, ResourceKind } from './types';

/** Every kind read in an instance namespace (Applications live in argocd). */
const ALL_KINDS = (Object.keys(RESOURCE_KINDS) as ResourceKind[]).filter(
  kind => kind !== 'Application',
);
const CHART_LABEL = 'app.kubernetes.io/name';
const UNRELATED_BYTES = 200_000;

/** Another team's objects, in the instance namespace and in their own. */
function unrelatedObjects() {
  return ['mail-0000', 'team-dashboards'].flatMap(namespace => [
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'grafana-dashboards', namespace },
      data: { 'dashboard.json': 'x'.repeat(UNRELATED_BYTES) },
    },
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: 'grafana-0',
        namespace,
        labels: { 'app.kubernetes.io/name': 'grafana' },
      },
      spec: { containers: [{ name: 'grafana', image: 'grafana:11' }] },
    },
  ]);
}

function statusConfig(simulator: SimulatorServer): StalwartStatusConfig {
  const [{ url, token }] = simulator.clusters;
  return {
    clusters: [
      {
        name: 'fleet-1',
        url,
        serviceAccountToken: token,
        caData: Buffer.from(simulator.certificate!).toString('base64'),
        skipTLSVerify: false,
      },
    ],
    unsupportedClusters: [],
    requestTimeoutMs: 2_000,
    maxRetries: 1,
    maxBackoffMs: 200,
    initialSyncTimeoutMs: 5_000,
    idleTimeoutMs: 60_000,
    argoCdNamespaces: ['argocd'],
    watchScope: 'cluster',
    accessCacheTtlMs: 10_000,
    accessCacheMaxEntries: 100,
  };
}

const instanceEntity: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: {
    name: 'stalwart-0000',
    annotations: {
      'stalwart.io/release': 'stalwart-0000',
      'stalwart.io/namespace': 'mail-0000',
      'stalwart.io/clusters': 'fleet-1',
      'stalwart.io/chart': 'antigenic',
    },
  },
  spec: { type: 'service', lifecycle: 'production', owner: 'mail-team' },
};

describe('the watch cache against a cluster shared with other teams', () => {
  let simulator: SimulatorServer;
  let cache: KubernetesCacheService;

  beforeAll(async () => {
    simulator = await startSimulatorServer({
      scenario: generateFleet({ instances: 2, clusters: 1 }),
      tls: true,
    });
    unrelatedObjects().forEach(o => simulator.control.apply('fleet-1', o));
  });
  beforeEach(() => {
    simulator.control.resetRequestCounts();
    cache = createKubernetesCacheService({
      config: statusConfig(simulator),
      logger: mockServices.logger.mock(),
    });
  });
  afterEach(() => cache.stop());
  afterAll(() => simulator.close());

  it('never receives, let alone keeps, an object without a Stalwart chart or renderer label', async () => {
    const read = await cache.read({
      cluster: 'fleet-1',
      namespace: 'mail-0000',
      kinds: ALL_KINDS,
    });
    const elsewhere = await cache.read({
      cluster: 'fleet-1',
      namespace: 'team-dashboards',
      kinds: ALL_KINDS,
    });

    expect(read.StatefulSet).toMatchObject({ state: 'live' });
    expect(read.StatefulSet.items).toHaveLength(1);
    expect(read.ConfigMap.items.map(c => c.metadata?.name)).toEqual([
      'stalwart-0000-antigenic-stalwart-helm-chart-config',
    ]);
    expect(read.Pod.items.map(p => p.metadata?.labels?.[CHART_LABEL])).toEqual([
      'antigenic-stalwart-helm-chart',
      'antigenic-stalwart-helm-chart',
    ]);
    expect(Object.values(elsewhere).flatMap(s => s.items)).toEqual([]);
    // Not even in a list page: all the API server sent is smaller than one unrelated object.
    expect(simulator.control.requestCounts()['fleet-1'].bytes).toBeLessThan(
      UNRELATED_BYTES,
    );
  });

  it('opens one watch per kind and selector however many instances it serves', async () => {
    for (const namespace of ['mail-0000', 'mail-0001']) {
      await cache.read({ cluster: 'fleet-1', namespace, kinds: ALL_KINDS });
    }
    // Certificates are watched with the chart's selector and the renderer's.
    await eventually(() =>
      expect(cache.requestStats()).toEqual({
        lists: ALL_KINDS.length + 1,
        watches: ALL_KINDS.length + 1,
      }),
    );
  });

  it('drops a workload whose chart label is removed, and the status says why', async () => {
    const status = createStatusService({
      config: statusConfig(simulator),
      cache,
    });
    const request = resolvedInstanceOf(instanceEntity);
    expect(
      (await status.getStatus(request)).clusters[0].workload,
    ).not.toBeNull();

    const cluster = simulator.simulator.state.clusters.get('fleet-1')!;
    const type = cluster.registry.find('apps', 'v1', 'statefulsets')!;
    const statefulSet = cluster.store.list(type, 'mail-0000')[0];
    const { [CHART_LABEL]: _removed, ...rest } = statefulSet.metadata.labels;
    simulator.control.apply('fleet-1', {
      ...statefulSet,
      metadata: { ...statefulSet.metadata, labels: rest },
    });

    await eventually(async () => {
      const after = await status.getStatus(request);
      expect(after.clusters[0].workload).toBeNull();
      expect(after.verdict.reasons).toContainEqual(
        expect.objectContaining({
          code: 'watch.labels-removed',
          message: expect.stringContaining(
            `StatefulSet mail-0000/${statefulSet.metadata.name} in cluster fleet-1 no longer matches`,
          ),
        }),
      );
    });
    simulator.control.apply('fleet-1', statefulSet);
  });

  it('lists a selection page by page, following continue tokens to the end', async () => {
    const config = statusConfig(simulator);
    const stats = { lists: 0, watches: 0 };
    const client = createClusterClientService(config).client('fleet-1', {
      requestTimeoutMs: 2_000,
      maxRetries: 0,
      maxBackoffMs: 100,
      stats,
    });
    const list = await listAllPages({
      client,
      path: '/api/v1/pods',
      labelSelector: WATCH_SELECTORS.Pod[0],
      pageSize: 1,
      project: pod => ({ metadata: { name: pod.metadata?.name } }),
    });

    expect(list.items.map(p => p.metadata?.name).sort()).toEqual([
      'stalwart-0000-antigenic-stalwart-helm-chart-0',
      'stalwart-0000-antigenic-stalwart-helm-chart-1',
      'stalwart-0001-antigenic-stalwart-helm-chart-0',
      'stalwart-0001-antigenic-stalwart-helm-chart-1',
    ]);
    expect(stats.lists).toBe(4);
  });
});
