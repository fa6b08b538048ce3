import { encodeV015ApiKey } from '@stalwart-backstage/simulator';
import { mockCredentials } from '@backstage/backend-test-utils';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type {
  InstanceDriftResponseV1,
  RemediationResultV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import request from 'supertest';
import { demoSecretDecoys } from '../__testUtils__/demoSecrets';
import { eventually, listSimulatedPods } from '../__testUtils__/simulatedPods';
import {
  DriftBackend,
  startDriftBackend,
} from '../__testUtils__/startDriftBackend';

// Each end-to-end remediation polls the drift until the restarted pods are read.
jest.setTimeout(30_000);

const ENTITY = '/api/stalwart/v1/entities/default/component';
const HOMELAB = `${ENTITY}/stalwart/drift`;
const EDGE = `${ENTITY}/mail-edge/drift`;
const POD = (i: number) => `stalwart-antigenic-stalwart-helm-chart-${i}`;
const STATEFUL_SET_PATH =
  '/apis/apps/v1/namespaces/stalwart/statefulsets/stalwart-antigenic-stalwart-helm-chart';
const ANA = mockCredentials.user.header('user:default/ana');
const ADMIN_KEY = encodeV015ApiKey('backstage', 'demo-backstage-api-key');
const RELAY_KEYS = [
  'queue.route.resend.address',
  'queue.route.resend.auth.secret',
  'queue.route.resend.auth.username',
  'queue.route.resend.port',
  'queue.route.resend.protocol',
  'queue.route.resend.tls.implicit',
  'queue.route.resend.type',
];

describe('POST /v1/entities/:namespace/:kind/:name/drift/remediations', () => {
  let backend: DriftBackend;
  const responses: string[] = [];
  const send = async (path: string, body: unknown) => {
    const res = await request(backend.app)
      .post(`${path}/remediations`)
      .set('Authorization', ANA)
      .send(body as object);
    responses.push(res.text);
    return res;
  };
  const drift = async (path: string): Promise<InstanceDriftResponseV1> => {
    const res = await request(backend.app).get(path).set('Authorization', ANA);
    responses.push(res.text);
    return res.body;
  };
  /** What the settings database holds, asked of a pod directly. */
  const storedKeys = async (keys: string[]) => {
    const pod = backend.simulator.control.podFetch(
      'homelab',
      'stalwart',
      POD(0),
    );
    const res = await pod(`/api/settings/keys?keys=${keys.join(',')}`, {
      headers: { Authorization: `Bearer ${ADMIN_KEY}` },
    });
    return Object.keys((await res.json()).data).sort();
  };
  const events = () =>
    backend.auditor.createEvent.mock.calls.map(([event]) => event);

  beforeAll(async () => {
    backend = await startDriftBackend({
      stalwart: {
        remediation: { rateLimit: { requests: 12, window: { minutes: 1 } } },
      },
    });
  });
  afterEach(() => {
    backend.simulator.control.clearFaults();
    for (const key of Object.keys(backend.decisions))
      delete backend.decisions[key];
    backend.auditor.createEvent.mockClear();
  });
  afterAll(() => backend.stop());

  it('previews the reset of the relay route and the local key as the exact calls, changing nothing', async () => {
    const before = await listSimulatedPods(
      backend.simulator,
      'homelab',
      'stalwart',
    );

    const res = await send(HOMELAB, {
      action: 'reset-to-git',
      itemIds: [...RELAY_KEYS, 'http.use-x-forwarded'],
      dryRun: true,
    });

    expect(res.status).toBe(200);
    const plan: RemediationResultV1 = res.body;
    expect(plan).toMatchObject({
      action: 'reset-to-git',
      engine: 'v0.15',
      dryRun: true,
      cluster: 'homelab',
      restartRequired: true,
      pods: [POD(0), POD(1), POD(2)],
      skipped: [],
    });
    expect(
      plan.calls.map(c => [c.target, c.method, 'path' in c ? c.path : '']),
    ).toEqual([
      ...RELAY_KEYS.map(k => ['stalwart-rest', 'DELETE', `/api/settings/${k}`]),
      ['stalwart-rest', 'GET', '/api/reload'],
      ['kubernetes', 'PATCH', STATEFUL_SET_PATH],
    ]);
    expect(plan).not.toHaveProperty('execution');
    expect(await storedKeys(RELAY_KEYS)).toEqual(RELAY_KEYS);
    expect(
      await listSimulatedPods(backend.simulator, 'homelab', 'stalwart'),
    ).toEqual(before);
    expect(events()).toEqual([]);
  });

  it('answers 403 when the policy denies stalwart.settings.reset (reading allowed), changes nothing, and audits the refusal', async () => {
    backend.decisions['stalwart.settings.reset'] = AuthorizeResult.DENY;

    const res = await send(HOMELAB, {
      action: 'reset-to-git',
      itemIds: RELAY_KEYS,
      dryRun: false,
    });

    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({
      name: 'NotAllowedError',
      message: 'You may not reset the settings of component:default/stalwart',
    });
    expect(backend.authorize).toHaveBeenLastCalledWith(
      [
        {
          permission: expect.objectContaining({
            name: 'stalwart.settings.reset',
          }),
          resourceRef: 'component:default/stalwart',
        },
      ],
      { credentials: mockCredentials.user('user:default/ana') },
    );
    expect(await storedKeys(RELAY_KEYS)).toEqual(RELAY_KEYS);
    expect((await drift(HOMELAB)).counts['database-only-user']).toBe(14);
    expect(events()).toEqual([
      expect.objectContaining({
        eventId: 'settings-remediation',
        meta: { entityRef: 'component:default/stalwart' },
      }),
    ]);
    expect(events()[0].request?.headers.authorization).toBe(ANA);
    const audit = await backend.auditor.createEvent.mock.results[0].value;
    expect(audit.fail).toHaveBeenCalledWith({
      error: expect.objectContaining({ name: 'NotAllowedError' }),
    });
  });

  it('resets end to end: the database keys disappear, the pods restart onto the ConfigMap, the next read is clean, and it is audited', async () => {
    const before = await listSimulatedPods(
      backend.simulator,
      'homelab',
      'stalwart',
    );

    const res = await send(HOMELAB, {
      action: 'reset-to-git',
      itemIds: [...RELAY_KEYS, 'http.use-x-forwarded'],
      dryRun: false,
    });

    expect(res.status).toBe(200);
    const result: RemediationResultV1 = res.body;
    expect(result.execution).toEqual({
      completed: true,
      results: result.calls.map((_, index) => ({ index, outcome: 'done' })),
    });
    expect(result.recheck).toMatchObject({ rolloutStarted: true });
    expect(result.recheck!.remainingItemIds).not.toEqual(
      expect.arrayContaining([RELAY_KEYS[0]]),
    );
    expect(await storedKeys(RELAY_KEYS)).toEqual([]);
    const after = await listSimulatedPods(
      backend.simulator,
      'homelab',
      'stalwart',
    );
    expect(after.map(p => p.name)).toEqual(before.map(p => p.name));
    for (const [i, pod] of after.entries()) {
      expect(pod.uid).not.toBe(before[i].uid);
      expect(
        pod.annotations['kubectl.kubernetes.io/restartedAt'],
      ).toBeDefined();
    }
    const clean = await eventually(async () => {
      const body = await drift(HOMELAB);
      expect(body.errors).toEqual([]);
      expect(
        body.items.find(i => i.id === 'http.use-x-forwarded'),
      ).toMatchObject({ class: 'in-sync', live: 'false' });
      return body;
    });
    expect(clean.counts['changed-live']).toBe(0);
    expect(clean.counts['database-only-user']).toBe(14 - RELAY_KEYS.length);
    expect(clean.items.map(i => i.id)).not.toEqual(
      expect.arrayContaining([RELAY_KEYS[0]]),
    );

    expect(events()).toEqual([
      expect.objectContaining({
        eventId: 'settings-remediation',
        severityLevel: 'medium',
        meta: expect.objectContaining({
          entityRef: 'component:default/stalwart',
          cluster: 'homelab',
          action: 'reset-to-git',
          itemIds: [...RELAY_KEYS, 'http.use-x-forwarded'],
          calls: expect.arrayContaining([
            `kubernetes PATCH ${STATEFUL_SET_PATH}`,
          ]),
        }),
      }),
    ]);
    expect(events()[0].request?.headers.authorization).toBe(ANA);
    const audit = await backend.auditor.createEvent.mock.results[0].value;
    expect(audit.success).toHaveBeenCalledWith({
      meta: expect.objectContaining({ calls: 9, rolloutStarted: true }),
    });
  });

  it('re-applies the declared v0.16 objects and reloads: the admin UI edits are gone on the next read', async () => {
    const itemIds = [
      'x:SystemSettings/singleton/maxConnections',
      'x:NetworkListener/imap-cleartext',
      'x:MtaRoute/resend/authSecret',
    ];

    const res = await send(EDGE, {
      action: 'reset-to-git',
      itemIds,
      dryRun: false,
    });

    expect(res.status).toBe(200);
    const result: RemediationResultV1 = res.body;
    expect(result.calls.map(c => c.method)).toEqual([
      'x:MtaRoute/set',
      'x:NetworkListener/set',
      'x:SystemSettings/set',
      'x:Action/set',
    ]);
    expect(result.execution?.completed).toBe(true);
    expect(result.recheck?.remainingItemIds).toEqual([]);
    const body = await drift(EDGE);
    expect(
      body.items.filter(i => i.class !== 'in-sync').map(i => i.id),
    ).toEqual(['x:SystemSettings/singleton/proxyTrustedNetworks']);
    expect(body.counts['changed-live']).toBe(0);
    const pod = backend.simulator.control.podFetch(
      'edge',
      'mail',
      'mail-stalwart-0',
    );
    const answer = await pod('/jmap', {
      method: 'POST',
      headers: {
        Authorization: 'Bearer API_AAAAAQAAAAdkZWZnaGlqa2xtbm9wcXJzdHV2dw',
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({
        using: ['urn:ietf:params:jmap:core', 'urn:stalwart:jmap'],
        methodCalls: [
          ['x:SystemSettings/get', { ids: ['singleton'] }, 'a'],
          ['x:NetworkListener/get', { ids: null }, 'b'],
        ],
      }),
    });
    const [[, settings], [, listeners]] = (await answer.json()).methodResponses;
    expect(settings.list[0].maxConnections).toBe(8192);
    expect(listeners.list.map((l: any) => l.name)).not.toContain(
      'imap-cleartext',
    );
    expect(events().map(e => e.meta?.entityRef)).toContain(
      'component:default/mail-edge',
    );
  });

  it('stops at the first failed call, answers 502 saying which, and audits the failure', async () => {
    backend.simulator.control.addStalwartFault({
      path: '^/api/reload$',
      answer: 'internalServerError',
    });
    backend.auditor.createEvent.mockClear();

    const res = await send(HOMELAB, {
      action: 'reset-to-git',
      itemIds: ['server.blocked-ip.198.51.100.7'],
      dryRun: false,
    });

    expect(res.status).toBe(502);
    expect(res.body.error).toMatchObject({
      name: 'RemediationFailedError',
      execution: {
        completed: false,
        results: [
          { index: 0, outcome: 'done' },
          {
            index: 1,
            outcome: 'failed',
            error: { reason: 'server-error', statusCode: 500 },
          },
        ],
      },
    });
    expect(res.body.error.message).toMatch(
      /^Call 2 of 2 failed \(Rebuild the running config.*\): Stalwart failed to answer \(HTTP 500\).*The 1 call\(s\) before it ran\.$/,
    );
    const audit = await backend.auditor.createEvent.mock.results[0].value;
    expect(audit.fail).toHaveBeenCalledWith(
      expect.objectContaining({
        meta: expect.objectContaining({
          failedCall: 'stalwart-rest GET /api/reload',
        }),
      }),
    );
  });

  it.each([
    [{ itemIds: [], dryRun: true }, 'Invalid body: action '],
    [
      { action: 'delete-everything', itemIds: [], dryRun: true },
      'Invalid body: action ',
    ],
    [
      { action: 'reset-to-git', itemIds: 'all', dryRun: true },
      'Invalid body: itemIds ',
    ],
    [
      { action: 'reset-to-git', itemIds: [], dryRun: 'yes' },
      'Invalid body: dryRun ',
    ],
    [
      { action: 'reset-to-git', itemIds: [], dryRun: true, keys: ['a'] },
      '"keys"',
    ],
  ])(
    'refuses the body %j with an InputError naming the field',
    async (body, message) => {
      const res = await send(HOMELAB, body);
      expect(res.status).toBe(400);
      expect(res.body.error.name).toBe('InputError');
      expect(res.body.error.message).toContain(message);
    },
  );

  it('refuses a body larger than stalwart.remediation.maxBodySize with 413', async () => {
    const res = await send(HOMELAB, {
      action: 'reset-to-git',
      itemIds: Array.from(
        { length: 1000 },
        (_, i) => `queue.route.r${i}.address`,
      ),
      dryRun: true,
    });
    expect(res.status).toBe(413);
  });

  it('answers 429 with Retry-After once a user used up the remediation requests of the window', async () => {
    let res;
    for (let sent = 0; sent < 20; sent++) {
      res = await send(HOMELAB, {
        action: 'restart-stale-pods',
        itemIds: [],
        dryRun: true,
      });
      if (res.status !== 200) break;
    }

    expect(res!.status).toBe(429);
    expect(res!.headers['retry-after']).toMatch(/^\d+$/);
    const refused = backend.auditor.createEvent.mock.results.at(-1)!.value;
    expect((await refused).fail).toHaveBeenCalledWith({
      error: expect.objectContaining({ name: 'RemediationRateLimitedError' }),
    });
    expect(res!.body.error).toMatchObject({
      name: 'RemediationRateLimitedError',
      message: expect.stringMatching(
        /^Too many remediation requests: at most 12 per 60 s per user; try again in \d+ s$/,
      ),
    });
  });

  it('never puts a secret of the scenario into any response body', async () => {
    const decoys = await demoSecretDecoys(backend.simulator);
    expect(responses.length).toBeGreaterThan(12);
    for (const text of responses)
      for (const decoy of decoys) expect(text).not.toContain(decoy);
  });
});

describe('restarting the pods on the old config', () => {
  let backend: DriftBackend;
  const ANA_POST = (body: object) =>
    request(backend.app)
      .post(`${HOMELAB}/remediations`)
      .set('Authorization', ANA)
      .send(body);

  beforeAll(async () => {
    backend = await startDriftBackend({
      editScenario: scenario => {
        // Pod 2 started before the ConfigMap changed the trusted proxy network.
        const homelab = scenario.clusters.find(c => c.name === 'homelab')!;
        const pod = homelab.manifests.find(
          m => m.kind === 'Pod' && m.metadata.name === POD(2),
        );
        pod.metadata.annotations['checksum/config'] = 'a-config-from-last-week';
        const configMap = homelab.manifests.find(m => m.kind === 'ConfigMap');
        const server = homelab.stalwartServers[0].spec;
        server.pods![POD(2)] = {
          bootedWithConfig: configMap.data['config.toml'].replace(
            '10.42.0.0/16',
            '10.0.0.0/8',
          ),
        };
      },
    });
  });
  afterAll(() => backend.stop());

  it('reads the pod on the old config, restarts the workload, and the next read is clean', async () => {
    const read = async () =>
      (await request(backend.app).get(HOMELAB).set('Authorization', ANA))
        .body as InstanceDriftResponseV1;
    const stale = await read();
    expect(stale.pods.map(p => p.staleConfig)).toEqual([false, false, true]);
    expect(
      stale.items.find(i => i.explanation === 'pod-on-old-config'),
    ).toMatchObject({
      class: 'changed-live',
      declared: '10.42.0.0/16',
      live: '10.0.0.0/8',
      pods: [{ name: POD(2), nodeId: 2 }],
      remediations: ['restart-stale-pods', 'reset-to-git'],
    });

    const res = await ANA_POST({
      action: 'restart-stale-pods',
      itemIds: [],
      dryRun: false,
    });

    expect(res.status).toBe(200);
    expect(res.body.calls).toEqual([
      expect.objectContaining({
        target: 'kubernetes',
        method: 'PATCH',
        path: STATEFUL_SET_PATH,
        contentType: 'application/strategic-merge-patch+json',
      }),
    ]);
    expect(res.body.execution.completed).toBe(true);
    const clean = await eventually(async () => {
      const body = await read();
      expect(body.pods.map(p => [p.staleConfig, p.read])).toEqual([
        [false, true],
        [false, true],
        [false, true],
      ]);
      return body;
    });
    expect(clean.items.some(i => i.explanation === 'pod-on-old-config')).toBe(
      false,
    );
    expect(
      clean.items.find(i => i.id === 'http.use-x-forwarded'),
    ).toMatchObject({ class: 'in-sync', live: 'false' });
  });
});
