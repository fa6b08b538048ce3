import { encodeV015ApiKey } from './encodeV015ApiKey';
import path from 'node:path';
import { setupServer } from 'msw/node';
import { createSimulator } from '../../createSimulator';

// Every expectation cites ../shared/docs/stalwart-v015.md (facts read from Stalwart v0.15.5).
const DEMO = path.resolve(__dirname, '../../../scenarios/demo');
const POD = (i: number) => `stalwart-antigenic-stalwart-helm-chart-${i}`;
const basic = (user: string, secret: string) =>
  `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;
const ADMIN = basic('admin', 'demo-admin-secret');
const API_KEY = `Bearer ${encodeV015ApiKey(
  'backstage',
  'demo-backstage-api-key',
)}`;

describe('the simulated Stalwart v0.15 management API', () => {
  const simulator = createSimulator({
    scenario: DEMO,
    baseUrl: 'http://sim.test',
  });
  const msw = setupServer(...simulator.handlers);
  beforeAll(() => msw.listen({ onUnhandledRequest: 'error' }));
  afterAll(() => {
    msw.close();
    simulator.close();
  });
  const pod = (i: number) =>
    simulator.control.podFetch('homelab', 'stalwart', POD(i));
  const get = async (i: number, url: string, authorization = ADMIN) => {
    const response = await pod(i)(url, {
      headers: { Authorization: authorization },
    });
    return {
      status: response.status,
      headers: response.headers,
      body: await response.json().catch(() => undefined),
    };
  };

  it('wraps success in {"data": …} and lists items as a sorted object without the prefix (§1 Settings endpoints)', async () => {
    const { status, body } = await get(
      0,
      '/api/settings/list?prefix=queue.route.resend',
    );
    expect(status).toBe(200);
    expect(body.data.total).toBe(7);
    expect(Object.keys(body.data.items)).toEqual(
      [...Object.keys(body.data.items)].sort(),
    );
    expect(body.data.items).toMatchObject({
      address: 'smtp.resend.com',
      'auth.secret': 're_demo_resend_api_key',
    });
  });

  it('returns macros as raw text and masks nothing (§2.6)', async () => {
    const { body } = await get(0, '/api/settings/list?prefix=store.postgresql');
    expect(body.data.items.password).toBe('%{env:POSTGRES_PASSWORD}%');
  });

  it('serves the file value of each pod, with __NODE_ID__ replaced by its ordinal (§4 render-config)', async () => {
    expect(
      (await get(0, '/api/settings/keys?keys=cluster.node-id')).body,
    ).toEqual({ data: { 'cluster.node-id': '0' } });
    expect(
      (await get(2, '/api/settings/keys?keys=cluster.node-id')).body,
    ).toEqual({ data: { 'cluster.node-id': '2' } });
  });

  it('ignores database keys that match local patterns in list, but get() through /keys still shows them (§1, §2.1)', async () => {
    const list = await get(0, '/api/settings/list?prefix=server');
    expect(list.body.data.items.hostname).toBe('mail.example.com');
    const keys = await get(
      0,
      '/api/settings/keys?keys=server.hostname,missing.key&prefixes=server.blocked-ip',
    );
    expect(keys.body.data['server.hostname']).toBe('mail.example.com');
    expect(keys.body.data).not.toHaveProperty('missing.key');
    expect(keys.body.data['server.blocked-ip.198.51.100.7']).toBe('');
  });

  it('groups keys into records with _id (§1 /api/settings/group)', async () => {
    const { body } = await get(
      0,
      '/api/settings/group?prefix=queue.route&suffix=type',
    );
    expect(body.data).toEqual({
      total: 1,
      items: [
        expect.objectContaining({ _id: 'resend', type: 'relay', port: '465' }),
      ],
    });
  });

  it('shows a local key edited through the admin UI only on the pod that served the edit (§2.8 case 2)', async () => {
    const key = '/api/settings/keys?keys=http.use-x-forwarded';
    expect((await get(1, key)).body.data['http.use-x-forwarded']).toBe('true');
    expect((await get(0, key)).body.data['http.use-x-forwarded']).toBe('false');
  });

  it('has inserted server-managed keys such as oauth.key and queue defaults (§2.7)', async () => {
    const { body } = await get(
      0,
      '/api/settings/keys?keys=oauth.key,queue.limiter.inbound.sender.key.0',
    );
    expect(body.data['oauth.key']).toHaveLength(64);
    expect(body.data['queue.limiter.inbound.sender.key.0']).toBe(
      'sender_domain',
    );
  });

  it('writes non-local keys to the database, where the file still wins (§2.1, §2.3)', async () => {
    const post = await pod(0)('/api/settings', {
      method: 'POST',
      headers: { Authorization: API_KEY, 'Content-Type': 'application/json' },
      body: JSON.stringify([
        {
          type: 'insert',
          prefix: null,
          values: [['report.analysis.addresses', 'abuse@*']],
          assert_empty: false,
        },
      ]),
    });
    expect(await post.json()).toEqual({ data: null });
    expect(
      (await get(2, '/api/settings/keys?keys=report.analysis.addresses')).body
        .data['report.analysis.addresses'],
    ).toBe('abuse@*');
  });

  it('answers an insert over existing keys with assert_empty as HTTP 200 {"error":"assertFailed"} (§1 errors)', async () => {
    const response = await pod(0)('/api/settings', {
      method: 'POST',
      headers: { Authorization: ADMIN },
      body: JSON.stringify([
        {
          type: 'insert',
          prefix: 'queue.route.resend',
          values: [['port', '587']],
          assert_empty: true,
        },
      ]),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ error: 'assertFailed' });
  });

  it('rejects an insert without assert_empty as 400 problem+json (§1: assert_empty is required)', async () => {
    const response = await pod(0)('/api/settings', {
      method: 'POST',
      headers: { Authorization: ADMIN },
      body: JSON.stringify([
        { type: 'insert', prefix: null, values: [['a', 'b']] },
      ]),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe(
      'application/problem+json',
    );
  });

  it('deletes exactly one key with DELETE /api/settings/<key>, not a prefix (§1, seed 003)', async () => {
    await pod(0)('/api/settings/queue.route.resend', {
      method: 'DELETE',
      headers: { Authorization: ADMIN },
    });
    expect(
      (await get(0, '/api/settings/list?prefix=queue.route.resend')).body.data
        .total,
    ).toBe(7);
    const deleted = await pod(0)(
      `/api/settings/${encodeURIComponent('queue.route.resend.port')}`,
      { method: 'DELETE', headers: { Authorization: ADMIN } },
    );
    expect(await deleted.json()).toEqual({ data: null });
    expect(
      (await get(0, '/api/settings/list?prefix=queue.route.resend')).body.data
        .total,
    ).toBe(6);
  });

  it('answers 401 problem+json without WWW-Authenticate for bad credentials on /api/ (api-facts "v0.15 authentication": request.rs unauthorized(false))', async () => {
    const { status, headers, body } = await get(
      0,
      '/api/settings/list',
      basic('admin', 'wrong'),
    );
    expect(status).toBe(401);
    expect(headers.get('content-type')).toBe('application/problem+json');
    expect(headers.get('www-authenticate')).toBeNull();
    expect(body).toEqual({
      type: 'about:blank',
      status: 401,
      title: 'Unauthorized',
      detail: 'You have to authenticate first.',
    });
  });

  it('lower-cases the login before comparing it (api-facts "v0.15 authentication": authenticate.rs decode_plain_auth)', async () => {
    expect(
      (await get(0, '/api/queue/status', basic(' ADMIN', 'demo-admin-secret')))
        .status,
    ).toBe(200);
  });

  it('answers 403 problem+json when the API key lacks the permission (§1 permissions)', async () => {
    const readonly = `Bearer ${encodeV015ApiKey(
      'readonly',
      'demo-readonly-api-key',
    )}`;
    expect(
      (await get(0, '/api/settings/list?prefix=queue', readonly)).status,
    ).toBe(200);
    const reload = await get(0, '/api/reload', readonly);
    expect(reload.status).toBe(403);
    expect(reload.body).toMatchObject({
      type: 'about:blank',
      status: 403,
      title: 'Forbidden',
    });
  });

  it('accepts API keys only under /api/ (§1 Authentication)', async () => {
    expect((await get(0, '/api/queue/status', API_KEY)).body).toEqual({
      data: true,
    });
    expect((await get(0, '/api/nothing-here', API_KEY)).status).toBe(404);
  });

  it('reports queue size, reload results, health and metrics in their shapes (§1 Status, §1 Reload, §3)', async () => {
    expect((await get(0, '/api/queue/messages?limit=1')).body).toEqual({
      data: { items: ['1000'], total: 3, status: true },
    });
    expect((await get(0, '/api/reload?dry-run')).body).toEqual({
      data: { warnings: {}, errors: {} },
    });
    expect((await pod(0)('/healthz/ready')).status).toBe(200);
    const metrics = await pod(0)('/metrics/prometheus', {
      headers: { Authorization: basic('prometheus', 'demo-prometheus-secret') },
    });
    expect(metrics.headers.get('content-type')).toBe(
      'text/plain; version=0.0.4',
    );
    expect(await metrics.text()).toMatch(/^server_memory \d+$/m);
    expect((await pod(0)('/metrics/prometheus')).status).toBe(401);
  });

  it('is reachable in-process through msw and the service proxy, which drops the caller Authorization', async () => {
    const url =
      'http://sim.test/clusters/homelab/api/v1/namespaces/stalwart/services/stalwart-antigenic-stalwart-helm-chart-mail:8080/proxy';
    const ready = await fetch(`${url}/healthz/ready`, {
      headers: { Authorization: 'Bearer demo-homelab-token' },
    });
    expect(ready.status).toBe(200);
    const list = await fetch(`${url}/api/settings/list`, {
      headers: { Authorization: 'Bearer demo-homelab-token' },
    });
    expect(list.status).toBe(401);
  });

  it('boots restarted pods with the ConfigMap current config while others keep theirs', async () => {
    const cluster = simulator.control.cluster('homelab');
    const configMaps = cluster.registry.find('', 'v1', 'configmaps')!;
    const configMap = cluster.store.get(
      configMaps,
      'stalwart',
      'stalwart-antigenic-stalwart-helm-chart-config',
    );
    configMap.data['config.toml'] = configMap.data['config.toml'].replace(
      'hostname = "mail.example.com"',
      'hostname = "mx.example.com"',
    );
    simulator.control.apply('homelab', configMap);
    expect(
      (await get(0, '/api/settings/keys?keys=server.hostname')).body.data[
        'server.hostname'
      ],
    ).toBe('mail.example.com');

    const response = await fetch(
      'http://sim.test/clusters/homelab/apis/apps/v1/namespaces/stalwart/statefulsets/stalwart-antigenic-stalwart-helm-chart',
      {
        method: 'PATCH',
        headers: {
          Authorization: 'Bearer demo-homelab-token',
          'Content-Type': 'application/strategic-merge-patch+json',
        },
        body: JSON.stringify({
          spec: {
            template: {
              metadata: {
                annotations: {
                  'kubectl.kubernetes.io/restartedAt': new Date().toISOString(),
                },
              },
            },
          },
        }),
      },
    );
    expect(response.status).toBe(200);
    await new Promise(resolve => setTimeout(resolve, 20));
    expect(
      (await get(0, '/api/settings/keys?keys=server.hostname')).body.data[
        'server.hostname'
      ],
    ).toBe('mx.example.com');
    expect(
      (await get(1, '/api/settings/keys?keys=http.use-x-forwarded')).body.data[
        'http.use-x-forwarded'
      ],
    ).toBe('false');
  });
});
