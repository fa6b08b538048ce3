import { mockCredentials } from '@backstage/backend-test-utils';
import type { AccessRule, Scenario } from '@stalwart-backstage/simulator';
import https from 'node:https';
import request from 'supertest';
import {
  DriftBackend,
  startDriftBackend,
} from '../__testUtils__/startDriftBackend';

const ANA = mockCredentials.user.header('user:default/ana');
const ENTITIES = {
  homelab: '/api/stalwart/v1/entities/default/component/stalwart',
  edge: '/api/stalwart/v1/entities/default/component/mail-edge',
};
/** The instance namespaces of the demo, and where Argo CD keeps its Applications. */
const INSTANCE_NAMESPACES = ['stalwart', 'mail'];

/** The README's namespaced alternative: Roles in the instance namespaces, nothing cluster-wide. */
const NAMESPACED_ROLES: AccessRule[] = [
  {
    verbs: ['get', 'list', 'watch'],
    resources: [
      'pods',
      'services',
      'configmaps',
      'statefulsets.apps',
      'deployments.apps',
      'certificates.cert-manager.io',
      'helmreleases.helm.toolkit.fluxcd.io',
    ],
    namespaces: INSTANCE_NAMESPACES,
  },
  { verbs: ['get'], resources: ['secrets'], namespaces: INSTANCE_NAMESPACES },
  {
    verbs: ['get', 'create'],
    resources: ['pods/portforward', 'pods/proxy', 'services/proxy'],
    namespaces: INSTANCE_NAMESPACES,
  },
  {
    verbs: ['get', 'list', 'watch'],
    resources: ['applications.argoproj.io'],
    namespaces: ['argocd'],
  },
];

function namespacedOnly(scenario: Scenario) {
  for (const cluster of scenario.clusters) {
    cluster.users[0] = { ...cluster.users[0], rules: NAMESPACED_ROLES };
  }
}

describe('a service account with only namespaced Roles in the instance namespaces', () => {
  let backend: DriftBackend;
  const get = (path: string) =>
    request(backend.app).get(path).set('Authorization', ANA);

  beforeAll(async () => {
    backend = await startDriftBackend({
      editScenario: namespacedOnly,
      stalwart: { status: { watchScope: 'namespace' } },
    });
  });
  afterAll(() => backend.stop());

  it('is refused anything cluster-wide by the simulated API server', async () => {
    const [homelab] = backend.simulator.clusters;
    const status = await new Promise<number>((resolve, reject) =>
      https
        .get(
          `${homelab.url}/api/v1/pods`,
          {
            ca: backend.simulator.certificate,
            headers: { Authorization: `Bearer ${homelab.token}` },
          },
          res => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        )
        .on('error', reject),
    );
    expect(status).toBe(403);
  });

  it.each(Object.entries(ENTITIES))(
    'still gets the complete status of the %s instance',
    async (_cluster, entity) => {
      const res = await get(`${entity}/status`);

      expect(res.status).toBe(200);
      expect(res.body.errors).toEqual([]);
      expect(res.body.clusters).toHaveLength(1);
      expect(res.body.clusters[0]).toMatchObject({ data: 'live' });
      expect(res.body.clusters[0].workload).not.toBeNull();
      expect(res.body.clusters[0].pods.length).toBeGreaterThan(0);
      expect(res.body.clusters[0].gitops).toBeDefined();
    },
  );

  it.each(Object.entries(ENTITIES))(
    'still reads the drift of the %s instance from every pod',
    async (_cluster, entity) => {
      const res = await get(`${entity}/drift`);

      expect(res.status).toBe(200);
      expect(res.body.errors).toEqual([]);
      expect(res.body.pods.length).toBeGreaterThan(0);
      expect(res.body.pods.every((p: { read: boolean }) => p.read)).toBe(true);
    },
  );
});
