import {
  mockCredentials,
  mockServices,
  registerMswTestHooks,
  startTestBackend,
} from '@backstage/backend-test-utils';
import type {
  PermissionsService,
  ServiceFactory,
} from '@backstage/backend-plugin-api';
import {
  AuthorizePermissionResponse,
  AuthorizeResult,
} from '@backstage/plugin-permission-common';
import { catalogServiceMock } from '@backstage/plugin-catalog-node/testUtils';
import { http, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import request from 'supertest';
import { FakeKubernetesCluster } from './__testUtils__/FakeKubernetesCluster';
import {
  allObjects,
  mailEntity,
  mailRelease,
} from './__fixtures__/mailRelease';
import { stalwartPlugin } from './plugin';

// supertest talks to the test backend on loopback; only the clusters are mocked.
const server = setupServer(
  http.all(/^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?\//, () =>
    passthrough(),
  ),
);
registerMswTestHooks(server);

const STATUS = '/api/stalwart/v1/entities/default/component/mail/status';

function kubernetesConfig(clusters: Array<{ name: string; url: string }>) {
  return {
    kubernetes: {
      clusterLocatorMethods: [
        {
          type: 'config',
          clusters: clusters.map(c => ({
            ...c,
            authProvider: 'serviceAccount',
            serviceAccountToken: `token-of-${c.name}`,
          })),
        },
      ],
    },
    stalwart: {
      status: {
        requestTimeout: '300ms',
        maxRetries: 1,
        maxBackoff: '200ms',
        initialSyncTimeout: '3s',
      },
    },
  };
}

async function startBackend(options: {
  clusters: FakeKubernetesCluster[];
  entities?: any[];
  permissions?: ServiceFactory<PermissionsService>;
}) {
  options.clusters.forEach(c => server.use(...c.handlers()));
  const names = options.clusters.map(c => ({
    name: new URL(c.url).hostname.split('.')[0],
    url: c.url,
  }));
  return startTestBackend({
    features: [
      stalwartPlugin,
      mockServices.rootConfig.factory({ data: kubernetesConfig(names) }),
      catalogServiceMock.factory({
        entities: options.entities ?? [mailEntity()],
      }),
      ...(options.permissions ? [options.permissions] : []),
    ],
  });
}

describe('stalwartPlugin', () => {
  let clusters: FakeKubernetesCluster[] = [];
  let stopBackend: (() => Promise<void>) | undefined;

  afterEach(async () => {
    await stopBackend?.();
    clusters.forEach(c => c.closeWatches());
    clusters = [];
  });

  async function backendWith(options: Parameters<typeof startBackend>[0]) {
    clusters = options.clusters;
    const backend = await startBackend(options);
    stopBackend = () => backend.stop();
    return backend.server;
  }

  it('answers its health route without credentials', async () => {
    const app = await backendWith({ clusters: [] });

    const res = await request(app).get('/api/stalwart/health');

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('returns the status of a healthy instance from memory after the first request', async () => {
    const prod = new FakeKubernetesCluster('https://prod.k8s.example.com');
    prod.add(...allObjects(mailRelease()));
    const app = await backendWith({ clusters: [prod] });

    const res = await request(app).get(STATUS);
    const requestsAfterFirstView = prod.requests.length;
    for (let i = 0; i < 10; i++) {
      expect((await request(app).get(STATUS)).status).toBe(200);
    }

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      apiVersion: 'v1',
      entityRef: 'component:default/mail',
      instance: {
        release: 'mail',
        namespace: 'mail',
        chart: 'antigenic',
        hostname: 'mail.example.com',
      },
      verdict: { state: 'healthy' },
      errors: [],
    });
    const [cluster] = res.body.clusters;
    expect(cluster).toMatchObject({
      cluster: 'prod',
      data: 'live',
      workload: { kind: 'StatefulSet', replicas: { desired: 3, ready: 3 } },
      certificate: { state: 'ok', coversHostname: true },
      exposure: { service: { externalAddresses: ['203.0.113.25'] } },
      gitops: { tool: 'flux', ready: { status: 'True' } },
    });
    expect(cluster.pods.map((p: any) => p.nodeId)).toEqual([0, 1, 2]);
    expect(Date.parse(res.body.fetchedAt)).not.toBeNaN();
    expect(prod.requests.length).toBe(requestsAfterFirstView);
    expect(JSON.stringify(res.body)).not.toMatch(
      /hunter2|aHVudGVyMg|token-of-prod/,
    );
    expect(prod.requests.some(r => r.path.includes('/secrets'))).toBe(false);
  });

  it('keeps a healthy cluster beside one that rejects its token and one that times out', async () => {
    const prod = new FakeKubernetesCluster('https://prod.k8s.example.com');
    prod.add(...allObjects(mailRelease()));
    const denied = new FakeKubernetesCluster('https://denied.k8s.example.com');
    denied.failWith({ status: 401, message: 'Unauthorized' });
    const forbidden = new FakeKubernetesCluster(
      'https://forbidden.k8s.example.com',
    );
    forbidden.failWith({
      status: 403,
      message:
        'pods is forbidden: User "system:serviceaccount:backstage:reader" cannot list resource "pods"',
    });
    const slow = new FakeKubernetesCluster('https://slow.k8s.example.com');
    slow.failWith('hang');
    const app = await backendWith({
      clusters: [prod, denied, forbidden, slow],
    });

    const res = await request(app).get(STATUS);

    expect(res.status).toBe(200);
    const byName = Object.fromEntries(
      res.body.clusters.map((c: any) => [c.cluster, c]),
    );
    expect(byName.prod).toMatchObject({
      data: 'live',
      workload: { kind: 'StatefulSet' },
    });
    expect(byName.denied).toMatchObject({
      data: 'unavailable',
      error: { statusCode: 401 },
    });
    expect(byName.forbidden).toMatchObject({
      data: 'unavailable',
      error: { statusCode: 403, message: expect.stringContaining('forbidden') },
    });
    expect(byName.slow).toMatchObject({
      data: 'unavailable',
      error: { message: 'no answer within 300 ms' },
    });
    expect(res.body.errors.map((e: any) => e.cluster).sort()).toEqual([
      'denied',
      'forbidden',
      'slow',
    ]);
    expect(res.body.verdict.state).toBe('warning');
  });

  it('serves the workload of a cluster whose RBAC never allowed Certificates, naming what it could not read', async () => {
    const prod = new FakeKubernetesCluster('https://prod.k8s.example.com');
    prod.add(...allObjects(mailRelease())).forbid('apis/cert-manager.io');
    const app = await backendWith({ clusters: [prod] });

    const res = await request(app).get(STATUS);

    expect(res.status).toBe(200);
    const [cluster] = res.body.clusters;
    expect(cluster).toMatchObject({
      data: 'live',
      workload: { kind: 'StatefulSet' },
      exposure: expect.any(Object),
      error: {
        statusCode: 403,
        message: expect.stringContaining('Certificate could not be read'),
      },
    });
    expect(cluster.pods.length).toBeGreaterThan(0);
    expect(cluster.certificate).toBeUndefined();
    const codes = res.body.verdict.reasons.map((r: any) => r.code);
    expect(codes).toContain('unreadable.Certificate');
    expect(codes).not.toContain('certificate.missing');
  });

  it('only reads the clusters the entity names', async () => {
    const prod = new FakeKubernetesCluster('https://prod.k8s.example.com');
    prod.add(...allObjects(mailRelease()));
    const other = new FakeKubernetesCluster('https://other.k8s.example.com');
    const app = await backendWith({
      clusters: [prod, other],
      entities: [mailEntity({ 'stalwart.io/clusters': 'prod, nowhere' })],
    });

    const res = await request(app).get(STATUS);

    expect(res.body.clusters.map((c: any) => [c.cluster, c.data])).toEqual([
      ['prod', 'live'],
      ['nowhere', 'unavailable'],
    ]);
    expect(other.requests).toEqual([]);
  });

  it.each([
    [
      'an expired certificate',
      (r: any) => {
        r.certificate.status.notAfter = '2020-01-01T00:00:00Z';
      },
      'critical',
      'certificate.expired',
    ],
    [
      'a certificate that is not ready',
      (r: any) => {
        r.certificate.status.conditions[0].status = 'False';
      },
      'critical',
      'certificate.not-ready',
    ],
    [
      'a missing certificate',
      (r: any) => {
        r.certificate.metadata.namespace = 'elsewhere';
      },
      'warning',
      'certificate.missing',
    ],
    [
      'a pod on an old config',
      (r: any) => {
        r.pods[1].metadata.annotations['checksum/config'] = 'old';
      },
      'warning',
      'pod.config-stale',
    ],
    [
      'a rollout in progress',
      (r: any) => {
        r.statefulSet.status.updateRevision =
          'mail-antigenic-stalwart-helm-chart-new';
      },
      'healthy',
      'workload.rollout-in-progress',
    ],
    [
      'no ready replica',
      (r: any) => {
        r.statefulSet.status.readyReplicas = 0;
      },
      'critical',
      'workload.unavailable',
    ],
    [
      'a pending load balancer',
      (r: any) => {
        r.service.status = { loadBalancer: {} };
      },
      'warning',
      'exposure.address-pending',
    ],
    [
      'PROXY headers Stalwart does not trust',
      (r: any) => {
        r.configMap.data['config.toml'] = r.configMap.data[
          'config.toml'
        ].replace(
          'trusted-networks = ["10.0.64.131/32"]',
          'trusted-networks = []',
        );
      },
      'critical',
      'exposure.proxy-untrusted',
    ],
    [
      'a failed Flux upgrade',
      (r: any) => {
        r.helmRelease.status.conditions[0] = {
          type: 'Ready',
          status: 'False',
          reason: 'UpgradeFailed',
          message: 'timed out',
        };
      },
      'warning',
      'gitops.not-ready',
    ],
  ])('reports %s', async (_name, change, state, code) => {
    const release = mailRelease();
    change(release);
    const prod = new FakeKubernetesCluster('https://prod.k8s.example.com');
    prod.add(...allObjects(release));
    const app = await backendWith({ clusters: [prod] });

    const res = await request(app).get(STATUS);

    expect(res.body.verdict.state).toBe(state);
    expect(res.body.verdict.reasons.map((r: any) => r.code)).toContain(code);
  });

  it('answers 403 when the permission policy denies reading the instance', async () => {
    const app = await backendWith({
      clusters: [],
      permissions: mockServices.permissions.factory({
        result: AuthorizeResult.DENY,
      }),
    });

    const res = await request(app).get(STATUS);

    expect(res.status).toBe(403);
    expect(res.body.error.name).toBe('NotAllowedError');
  });

  it('asks the permission framework as the calling user, about this entity', async () => {
    const authorize = jest.fn(
      async (): Promise<AuthorizePermissionResponse[]> => [
        { result: AuthorizeResult.ALLOW },
      ],
    );
    const app = await backendWith({
      clusters: [],
      permissions: mockServices.permissions.mock({ authorize }).factory,
    });

    const res = await request(app)
      .get(STATUS)
      .set('Authorization', mockCredentials.user.header('user:default/ana'));

    expect(res.status).toBe(200);
    expect(authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'stalwart.instance.read',
          }),
          resourceRef: 'component:default/mail',
        },
      ],
      { credentials: mockCredentials.user('user:default/ana') },
    );
  });

  it('does not let one user’s recent answer serve another user the policy refuses', async () => {
    const authorize = jest.fn(
      async (
        _requests: unknown,
        { credentials }: { credentials: any },
      ): Promise<AuthorizePermissionResponse[]> => [
        {
          result:
            credentials.principal.userEntityRef === 'user:default/ana'
              ? AuthorizeResult.ALLOW
              : AuthorizeResult.DENY,
        },
      ],
    );
    const app = await backendWith({
      clusters: [],
      permissions: mockServices.permissions.mock({ authorize }).factory,
    });
    const as = (user: string) =>
      request(app)
        .get(STATUS)
        .set('Authorization', mockCredentials.user.header(user));

    expect((await as('user:default/ana')).status).toBe(200);
    expect((await as('user:default/bob')).status).toBe(403);
    expect((await as('user:default/ana')).status).toBe(200);
    expect(authorize).toHaveBeenCalledTimes(2);
  });

  it('answers 404 for an unknown entity and for an entity that is not a Stalwart instance', async () => {
    const plain = mailEntity();
    plain.metadata.name = 'website';
    plain.metadata.annotations = {} as any;
    const app = await backendWith({
      clusters: [],
      entities: [mailEntity(), plain],
    });

    expect(
      (
        await request(app).get(
          '/api/stalwart/v1/entities/default/component/nope/status',
        )
      ).status,
    ).toBe(404);
    const notStalwart = await request(app).get(
      '/api/stalwart/v1/entities/default/component/website/status',
    );
    expect(notStalwart.status).toBe(404);
    expect(notStalwart.body.error.message).toContain('stalwart.io/release');
  });

  it('answers 400 for a malformed entity reference', async () => {
    const app = await backendWith({ clusters: [] });

    const res = await request(app).get(
      '/api/stalwart/v1/entities/default/com%20ponent/mail/status',
    );

    expect(res.status).toBe(400);
    expect(res.body.error.name).toBe('InputError');
  });

  it('evaluates the ownership condition for the permission framework', async () => {
    const app = await backendWith({ clusters: [] });
    const condition = (claims: string[]) => ({
      id: claims[0],
      resourceRef: 'component:default/mail',
      resourceType: 'catalog-entity',
      conditions: {
        rule: 'IS_INSTANCE_OWNER',
        resourceType: 'catalog-entity',
        params: { claims },
      },
    });

    const res = await request(app)
      .post('/api/stalwart/.well-known/backstage/permissions/apply-conditions')
      .set('Authorization', mockCredentials.service.header())
      .send({
        items: [
          condition(['group:default/mail-team']),
          condition(['group:default/web-team']),
        ],
      });

    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      { id: 'group:default/mail-team', result: 'ALLOW' },
      { id: 'group:default/web-team', result: 'DENY' },
    ]);
  });

  describe('POST /v1/statuses', () => {
    const STATUSES = '/api/stalwart/v1/statuses';

    it('answers many instances in one request, each as its own route would, in the order asked', async () => {
      const prod = new FakeKubernetesCluster('https://prod.k8s.example.com');
      prod.add(...allObjects(mailRelease()));
      const plain = mailEntity();
      plain.metadata.name = 'website';
      plain.metadata.annotations = {} as any;
      const authorize = jest.fn(
        async (requests: Array<{ resourceRef?: string }>) =>
          requests.map(r => ({
            result:
              r.resourceRef === 'component:default/secret'
                ? AuthorizeResult.DENY
                : AuthorizeResult.ALLOW,
          })) as AuthorizePermissionResponse[],
      );
      const app = await backendWith({
        clusters: [prod],
        entities: [mailEntity(), plain],
        permissions: mockServices.permissions.mock({ authorize }).factory,
      });

      const res = await request(app)
        .post(STATUSES)
        .send({
          entityRefs: [
            'Component:default/mail',
            'component:default/secret',
            'component:default/nope',
            'component:default/website',
          ],
        });
      const single = await request(app).get(STATUS);

      expect(res.status).toBe(200);
      expect(res.body.items.map((i: any) => i.entityRef)).toEqual([
        'component:default/mail',
        'component:default/secret',
        'component:default/nope',
        'component:default/website',
      ]);
      const [mail, secret, nope, website] = res.body.items;
      expect({ ...mail.status, fetchedAt: 'x' }).toEqual({
        ...single.body,
        fetchedAt: 'x',
      });
      expect(secret.error).toEqual({
        name: 'NotAllowedError',
        message: 'You may not read the status of component:default/secret',
      });
      expect(nope.error.name).toBe('NotFoundError');
      expect(website.error.message).toContain('stalwart.io/release');
      // The four decisions went to the permission framework as one batch.
      expect(authorize).toHaveBeenCalledTimes(1);
      expect(authorize.mock.calls[0][0]).toHaveLength(4);
    });

    it('answers 400 naming the field for a malformed reference, an empty list or too many', async () => {
      const app = await backendWith({ clusters: [] });
      const post = (body: object) => request(app).post(STATUSES).send(body);

      const malformed = await post({ entityRefs: ['component:default/'] });
      const empty = await post({ entityRefs: [] });
      const tooMany = await post({
        entityRefs: Array.from({ length: 101 }, (_, i) => `component:x/${i}`),
      });

      for (const res of [malformed, empty, tooMany]) {
        expect(res.status).toBe(400);
        expect(res.body.error.name).toBe('InputError');
        expect(res.body.error.message).toContain('entityRefs');
      }
      expect(malformed.body.error.message).toContain(
        'must be an entity reference',
      );
      expect(tooMany.body.error.message).toContain('100');
    });
  });
});
