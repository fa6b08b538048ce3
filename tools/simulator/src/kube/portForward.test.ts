import { encodeV015ApiKey } from '../stalwart/v015/encodeV015ApiKey';
import path from 'node:path';
import { loadScenario } from '../scenario/loadScenario';
import {
  startSimulatorServer,
  SimulatorServer,
} from '../server/startSimulatorServer';
import {
  ChannelSession,
  channelText,
  openChannelPortForward,
} from '../__testUtils__/channelPortForward';

// Facts: ../shared/docs/stalwart-v015.md §1 (API keys `Bearer api_…`, envelopes) and §4
// (node id = pod ordinal); the protocol is kubelet's `v4.channel.k8s.io` port-forward.
const DEMO = path.resolve(__dirname, '../../scenarios/demo');
const POD = (i: number) => `stalwart-antigenic-stalwart-helm-chart-${i}`;
const API_KEY = `Bearer ${encodeV015ApiKey(
  'backstage',
  'demo-backstage-api-key',
)}`;
const RESTRICTED_TOKEN = 'restricted-homelab-token';

const httpGet = (target: string, extra = '') =>
  `GET ${target} HTTP/1.1\r\nHost: localhost:8080\r\nAuthorization: ${API_KEY}\r\n${extra}\r\n`;

async function waitFor(condition: () => boolean, timeoutMs = 5_000) {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise(resolve => setTimeout(resolve, 20));
  }
}

describe('pods/portforward over WebSocket (v4.channel.k8s.io)', () => {
  let server: SimulatorServer;
  beforeAll(async () => {
    const scenario = loadScenario(DEMO);
    scenario.clusters[0].users.push({
      name: 'system:serviceaccount:backstage:restricted',
      token: RESTRICTED_TOKEN,
      deny: ['pods/portforward'],
    });
    server = await startSimulatorServer({ scenario, tls: true });
  });
  afterAll(() => server.close());

  const open = (
    pod: string,
    options: { token?: string; query?: string } = {},
  ) =>
    openChannelPortForward({
      clusterUrl: server.clusters[0].url,
      token: options.token ?? server.token,
      namespace: 'stalwart',
      pod,
      query: options.query,
    });

  it('announces the port on both channels, then carries HTTP/1.1 with the Authorization header to that pod', async () => {
    const session = (await open(POD(1))) as ChannelSession;
    expect(session.protocol).toBe('v4.channel.k8s.io');
    session.write(
      httpGet('/api/settings/list?prefix=cluster', 'Connection: close\r\n'),
    );
    expect(await session.closed).toBe(1000);

    const port = Buffer.from([0x90, 0x1f]); // 8080, little-endian
    expect(session.frames.find(f => f.channel === 0)!.data).toEqual(port);
    expect(session.frames.find(f => f.channel === 1)!.data).toEqual(port);
    const response = channelText(session, 0);
    expect(response).toMatch(/^HTTP\/1\.1 200 OK\r\n/);
    expect(response).toContain(
      '{"data":{"total":2,"items":{"coordinator":"redis","node-id":"1"}}}',
    );
    expect(channelText(session, 1)).toBe('');
  });

  it('keeps one forwarded connection alive across requests, as an HTTP client pool would', async () => {
    const session = (await open(POD(2))) as ChannelSession;
    session.write(httpGet('/healthz/live'));
    await waitFor(() => /HTTP\/1\.1 200/.test(channelText(session, 0)));
    session.write(httpGet('/api/settings/keys?keys=cluster.node-id'));
    await waitFor(() =>
      channelText(session, 0).includes('"cluster.node-id":"2"'),
    );
    expect(channelText(session, 0).match(/HTTP\/1\.1 200 OK/g)).toHaveLength(2);
    session.close();
    expect(await session.closed).toBe(1005);
  });

  it('reaches Stalwart with credentials where the service proxy cannot (the apiserver drops Authorization)', async () => {
    // The same handler the HTTP server runs (Node's fetch would not trust the throwaway CA).
    const proxied = await server.simulator.handle(
      new Request(
        `${server.url}/api/v1/namespaces/stalwart/pods/${POD(
          0,
        )}:8080/proxy/api/settings/list`,
        { headers: { Authorization: `Bearer ${server.token}` } },
      ),
    );
    expect(proxied.status).toBe(401);

    const session = (await open(POD(0))) as ChannelSession;
    session.write(
      httpGet('/api/settings/list?prefix=cluster', 'Connection: close\r\n'),
    );
    await session.closed;
    expect(channelText(session, 0)).toMatch(/^HTTP\/1\.1 200 OK/);
  });

  it("writes kubelet's dial error on the error channel when nothing listens on the port", async () => {
    const session = (await open(POD(0), {
      query: 'ports=9999',
    })) as ChannelSession;
    expect(await session.closed).toBe(1000);
    expect(channelText(session, 1)).toMatch(
      /error forwarding port 9999 to pod stalwart-antigenic-stalwart-helm-chart-0, uid .*connection refused/,
    );
  });

  it("answers 403 with the apiserver's RBAC wording when pods/portforward is denied", async () => {
    const refused = await open(POD(0), { token: RESTRICTED_TOKEN });
    expect(refused).toEqual({
      status: 403,
      body: expect.objectContaining({
        kind: 'Status',
        reason: 'Forbidden',
        message:
          'pods/portforward "stalwart-antigenic-stalwart-helm-chart-0" is forbidden: User "system:serviceaccount:backstage:restricted" cannot get resource "pods/portforward" in API group "" in the namespace "stalwart"',
      }),
    });
  });

  it('refuses a wrong token (401), an unknown pod (404) and a missing ports parameter (400)', async () => {
    expect(await open(POD(0), { token: 'wrong' })).toMatchObject({
      status: 401,
      body: { reason: 'Unauthorized' },
    });
    expect(await open('no-such-pod')).toMatchObject({
      status: 404,
      body: { message: 'pods "no-such-pod" not found' },
    });
    expect(await open(POD(0), { query: '' })).toMatchObject({
      status: 400,
      body: { message: 'query parameter "ports" is required' },
    });
  });

  it("serves every cluster under /clusters/<name>, with that cluster's token", async () => {
    const edge = server.clusters.find(c => c.name === 'edge')!;
    const session = (await openChannelPortForward({
      clusterUrl: edge.url,
      token: edge.token,
      namespace: 'mail',
      pod: 'mail-stalwart-0',
    })) as ChannelSession;
    session.write(
      'GET /healthz/ready HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n',
    );
    await session.closed;
    expect(channelText(session, 0)).toMatch(/^HTTP\/1\.1 200 OK/);
  });
});
