import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { InstanceDriftResponseV1 } from '@stalwart-backstage/plugin-stalwart-common';
import request from 'supertest';
import { demoSecretDecoys } from '../__testUtils__/demoSecrets';
import {
  DriftBackend,
  startDriftBackend,
} from '../__testUtils__/startDriftBackend';

// The demo scenario (tools/simulator/scenarios/demo) over HTTPS, its entities from
// examples/stalwart-demo.yaml: homelab runs v0.15 (release "stalwart"), edge v0.16 ("mail").
const HOMELAB = '/api/stalwart/v1/entities/default/component/stalwart/drift';
const EDGE = '/api/stalwart/v1/entities/default/component/mail-edge/drift';
const POD = (i: number) => `stalwart-antigenic-stalwart-helm-chart-${i}`;
const ANA = mockCredentials.user.header('user:default/ana');

describe('GET /v1/entities/:namespace/:kind/:name/drift', () => {
  let backend: DriftBackend;
  let decoys: string[];
  const responses: string[] = [];
  const get = async (path: string) => {
    const res = await request(backend.app).get(path).set('Authorization', ANA);
    responses.push(res.text);
    return res;
  };
  const item = (body: InstanceDriftResponseV1, id: string) =>
    body.items.find(i => i.id === id);

  beforeAll(async () => {
    backend = await startDriftBackend();
    decoys = await demoSecretDecoys(backend.simulator);
  });
  afterEach(() => {
    backend.simulator.control.clearFaults();
    for (const key of Object.keys(backend.decisions))
      delete backend.decisions[key];
  });
  afterAll(async () => {
    await backend.stop();
  });

  it('classifies the homelab v0.15 instance: the relay route only in the database, the local key edited on pod 1', async () => {
    const res = await get(HOMELAB);

    expect(res.status).toBe(200);
    const body: InstanceDriftResponseV1 = res.body;
    expect(body).toMatchObject({
      apiVersion: 'v1',
      entityRef: 'component:default/stalwart',
      engine: 'v0.15',
      cluster: 'homelab',
      instance: {
        release: 'stalwart',
        namespace: 'stalwart',
        chart: 'antigenic',
        version: '0.15.5',
      },
      hiddenClasses: ['database-only-server'],
      errors: [],
    });
    expect(
      body.pods.map(p => [p.name, p.nodeId, p.read, p.staleConfig]),
    ).toEqual([
      [POD(0), 0, true, false],
      [POD(1), 1, true, false],
      [POD(2), 2, true, false],
    ]);
    expect(item(body, 'http.use-x-forwarded')).toMatchObject({
      class: 'changed-live',
      explanation: 'local-key-edited-live',
      declared: 'false',
      live: 'true',
      pods: [{ name: POD(1), nodeId: 1 }],
      remediations: ['reset-to-git'],
    });
    expect(item(body, 'queue.route.resend.address')).toMatchObject({
      class: 'database-only-user',
      group: 'queue.route.resend',
      live: 'smtp.resend.com',
      pods: [POD(0), POD(1), POD(2)].map((name, nodeId) => ({ name, nodeId })),
    });
    expect(item(body, 'queue.route.resend.auth.secret')).toMatchObject({
      masked: true,
    });
    expect(item(body, 'queue.route.resend.auth.secret')).not.toHaveProperty(
      'live',
    );
    expect(body.counts['changed-live']).toBe(1);
    expect(body.counts['database-only-user']).toBe(14);
    expect(body.counts['database-only-server']).toBeGreaterThan(0);
    expect(body.counts['in-sync']).toBeGreaterThan(40);
    expect(body.items.some(i => i.class === 'database-only-server')).toBe(
      false,
    );
  });

  it('shows the server-managed keys when asked, masked where secret (oauth.key)', async () => {
    const res = await get(`${HOMELAB}?includeHidden=true`);

    expect(res.body.hiddenClasses).toEqual([]);
    expect(item(res.body, 'oauth.key')).toMatchObject({
      class: 'database-only-server',
      explanation: 'server-managed',
      masked: true,
    });
  });

  it('classifies the edge v0.16 instance from the plan beside its catalog file: the registry objects changed in the admin UI, a pod on an old config', async () => {
    const res = await get(EDGE);

    expect(res.status).toBe(200);
    const body: InstanceDriftResponseV1 = res.body;
    expect(body).toMatchObject({
      engine: 'v0.16',
      cluster: 'edge',
      instance: {
        release: 'mail',
        namespace: 'mail',
        chart: 'kgrubb',
        version: '0.16.18',
      },
      errors: [],
    });
    expect(
      body.items
        .filter(i => i.class !== 'in-sync')
        .map(i => i.id)
        .sort(),
    ).toEqual([
      'x:MtaRoute/resend/authSecret',
      'x:NetworkListener/imap-cleartext',
      'x:SystemSettings/singleton/maxConnections',
      'x:SystemSettings/singleton/proxyTrustedNetworks',
    ]);
    expect(
      item(body, 'x:SystemSettings/singleton/maxConnections'),
    ).toMatchObject({
      class: 'changed-live',
      explanation: 'edited-in-registry',
      declared: '8192',
      live: '20000',
    });
    expect(item(body, 'x:MtaRoute/resend/authSecret')).toMatchObject({
      masked: true,
    });
    expect(item(body, 'x:DataStore/singleton/authSecret')?.class).toBe(
      'in-sync',
    );
    expect(body.counts).toMatchObject({
      'changed-live': 2,
      'database-only-user': 2,
      'missing-live': 0,
    });
    expect(body.pods.map(p => [p.name, p.staleConfig, p.read])).toEqual([
      ['mail-stalwart-0', false, true],
      ['mail-stalwart-1', true, true],
    ]);
  });

  it.each([
    ['unauthorized', 401, 'credentials-rejected'],
    ['forbidden', 403, 'permission-missing'],
    ['internalServerError', 500, 'server-error'],
  ] as const)(
    'reports a pod whose settings read gets %s next to the other pods, never as in sync',
    async (answer, statusCode, reason) => {
      backend.simulator.control.addStalwartFault({
        path: '^/api/settings/list$',
        pod: `${POD(2)}$`,
        answer,
      });

      const body: InstanceDriftResponseV1 = (await get(HOMELAB)).body;

      expect(body.errors).toEqual([
        expect.objectContaining({
          pod: POD(2),
          source: 'settings',
          statusCode,
          reason,
        }),
      ]);
      expect(body.errors[0].message).toContain(POD(2));
      expect(body.pods.find(p => p.name === POD(2))?.read).toBe(false);
      expect(body.items.every(i => i.pods.every(p => p.name !== POD(2)))).toBe(
        true,
      );
      expect(item(body, 'queue.route.resend.address')?.pods).toHaveLength(2);
    },
  );

  it('says Stalwart is rate limiting, malformed or slow, per pod', async () => {
    const { control } = backend.simulator;
    control.addStalwartFault({
      path: '^/api/settings/list$',
      pod: `${POD(0)}$`,
      answer: 'tooManyRequests',
      retryAfterSeconds: 60,
    });
    control.addStalwartFault({
      path: '^/api/settings/list$',
      pod: `${POD(1)}$`,
      answer: 'malformedJson',
    });
    control.addStalwartFault({
      path: '^/api/settings/list$',
      pod: `${POD(2)}$`,
      answer: 'slow',
      delayMs: 5000,
    });

    const body: InstanceDriftResponseV1 = (await get(HOMELAB)).body;

    expect(body.errors.map(e => [e.pod, e.reason, e.statusCode])).toEqual([
      [POD(0), 'rate-limited', 429],
      [POD(1), 'malformed-response', 200],
      [POD(2), 'timeout', undefined],
    ]);
    expect(body.pods.every(p => !p.read)).toBe(true);
    expect(body.items).toEqual([]);
  });

  it('reports a registry type Stalwart refuses to list, and compares the rest', async () => {
    backend.simulator.control.addStalwartFault({
      path: '^/jmap$',
      answer: 'forbidden',
      times: 1,
    });
    const body: InstanceDriftResponseV1 = (await get(EDGE)).body;
    expect(body.errors).toEqual([
      expect.objectContaining({
        source: expect.stringMatching(/^registry:x:/),
        statusCode: 403,
        reason: 'permission-missing',
      }),
    ]);
    expect(body.counts['in-sync']).toBeGreaterThan(0);
  });

  it('says where the v0.16 plan should be when git has none, and classifies nothing', async () => {
    const plan = backend.gitFiles['/fleet/mail-edge/settings-plan.ndjson'];
    delete backend.gitFiles['/fleet/mail-edge/settings-plan.ndjson'];
    try {
      const body: InstanceDriftResponseV1 = (await get(EDGE)).body;
      expect(body.errors).toEqual([
        expect.objectContaining({
          source: 'plan',
          reason: 'declared-state-unavailable',
          message: expect.stringContaining(
            '/fleet/mail-edge/settings-plan.ndjson could not be read',
          ),
        }),
      ]);
      expect(body.items).toEqual([]);
      expect(body.counts['in-sync']).toBe(0);
    } finally {
      backend.gitFiles['/fleet/mail-edge/settings-plan.ndjson'] = plan;
    }
  });

  it('answers 403 when the policy denies stalwart.settings.read, asking as the caller, and reads nothing', async () => {
    backend.decisions['stalwart.settings.read'] = AuthorizeResult.DENY;
    // A trap: the first request any pod sees fails; after the 403 it must still be armed.
    backend.simulator.control.addStalwartFault({
      path: '.*',
      answer: 'internalServerError',
      times: 1,
    });
    backend.authorize.mockClear();

    const res = await get(HOMELAB);

    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({
      name: 'NotAllowedError',
      message: 'You may not read the settings of component:default/stalwart',
    });
    expect(backend.authorize).toHaveBeenCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'stalwart.settings.read',
          }),
          resourceRef: 'component:default/stalwart',
        },
      ],
      { credentials: mockCredentials.user('user:default/ana') },
    );
    const pod = backend.simulator.control.podFetch(
      'homelab',
      'stalwart',
      POD(0),
    );
    expect((await pod('/api/settings/list')).status).toBe(500);
  });

  it('refuses an unknown query parameter, naming it', async () => {
    const res = await get(`${HOMELAB}?include=all`);
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ name: 'InputError' });
    expect(res.body.error.message).toContain('include');
  });

  it('answers 404 for an entity that is not in the catalog', async () => {
    const res = await get(
      '/api/stalwart/v1/entities/default/component/nope/drift',
    );
    expect(res.status).toBe(404);
  });

  it('never puts a secret of the scenario into any response body', () => {
    expect(decoys).toEqual(
      expect.arrayContaining([
        're_demo_resend_api_key',
        're_demo_edge_resend_key',
        'demo-admin-secret',
        'demo-backstage-api-key',
        'API_AAAAAQAAAAdkZWZnaGlqa2xtbm9wcXJzdHV2dw',
        'MIIEdemo',
      ]),
    );
    expect(decoys.length).toBeGreaterThan(15);
    expect(responses.length).toBeGreaterThan(8);
    for (const text of responses)
      for (const decoy of decoys) expect(text).not.toContain(decoy);
  });
});
