import { encodeV015ApiKey } from '../stalwart/v015/encodeV015ApiKey';
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import {
  startSimulatorServer,
  SimulatorServer,
} from '../server/startSimulatorServer';
import { KUBECTL, hasKubectl } from '../runKubectl';
import { fieldsOf } from '../stalwart/v016/registrySchema';

// kubectl ≥ 1.31 tunnels SPDY/3.1 in a WebSocket (`SPDY/3.1+portforward.k8s.io`) and falls
// back to `Upgrade: SPDY/3.1`; both must reach the pod's Stalwart with the caller's headers.
const DEMO = path.resolve(__dirname, '../../scenarios/demo');
const API_KEY = `Bearer ${encodeV015ApiKey(
  'backstage',
  'demo-backstage-api-key',
)}`;
// The edge cluster's v0.16 server (scenarios/demo/edge/stalwart.yaml spec.apiKeys).
const EDGE_API_KEY = 'Bearer API_AAAAAQAAAAdkZWZnaGlqa2xtbm9wcXJzdHV2dw';
const describeKubectl = hasKubectl ? describe : describe.skip;

function request(
  port: number,
  target: string,
  options: { authorization?: string; body?: unknown } = {},
) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const payload =
      options.body === undefined ? undefined : JSON.stringify(options.body);
    http
      .request(
        {
          host: '127.0.0.1',
          port,
          path: target,
          method: payload ? 'POST' : 'GET',
          headers: {
            Authorization: options.authorization ?? API_KEY,
            ...(payload ? { 'Content-Type': 'application/json' } : {}),
          },
        },
        response => {
          let body = '';
          response.on('data', chunk => (body += chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body }),
          );
        },
      )
      .on('error', reject)
      .end(payload);
  });
}

const get = (port: number, target: string) => request(port, target);

describeKubectl('kubectl port-forward against the standalone simulator', () => {
  let server: SimulatorServer;
  beforeAll(async () => {
    server = await startSimulatorServer({ scenarioDir: DEMO, tls: true });
  });
  afterAll(() => server.close());

  async function portForward(
    pod: string,
    remotePort: number,
    env: Record<string, string>,
    use: (localPort: number, output: () => string) => Promise<void>,
    where: { cluster?: string; namespace?: string } = {},
  ) {
    const cluster = where.cluster
      ? server.clusters.find(c => c.name === where.cluster)!
      : { url: server.url, token: server.token };
    const child = spawn(
      KUBECTL,
      ['--server', cluster.url, '--token', cluster.token, '--insecure-skip-tls-verify',
        '-n', where.namespace ?? 'stalwart', 'port-forward', `pod/${pod}`, `:${remotePort}`, '-v=4'],
      { env: { ...process.env, KUBECONFIG: '/dev/null', ...env } },
    ); // prettier-ignore
    let output = '';
    child.stdout.on('data', chunk => (output += chunk));
    child.stderr.on('data', chunk => (output += chunk));
    try {
      const started = Date.now();
      let match = output.match(/Forwarding from 127\.0\.0\.1:(\d+)/);
      while (!match) {
        if (Date.now() - started > 15_000 || child.exitCode !== null)
          throw new Error(`kubectl port-forward did not start:\n${output}`);
        await new Promise(resolve => setTimeout(resolve, 50));
        match = output.match(/Forwarding from 127\.0\.0\.1:(\d+)/);
      }
      await use(Number(match[1]), () => output);
    } finally {
      child.kill();
    }
  }

  it.each([
    ['a WebSocket tunnelling SPDY (the default)', {}],
    [
      'SPDY after an HTTP upgrade',
      { KUBECTL_PORT_FORWARD_WEBSOCKETS: 'false' },
    ],
  ])(
    "forwards a local port over %s, and plain HTTP reaches that pod's Stalwart with its API key",
    async (_name, env) => {
      await portForward(
        'stalwart-antigenic-stalwart-helm-chart-2',
        8080,
        env,
        async (localPort, output) => {
          // §4: the node id is the pod ordinal, so this answer comes from pod 2 itself.
          for (let i = 0; i < 2; i++) {
            expect(
              await get(localPort, '/api/settings/list?prefix=cluster'),
            ).toEqual({
              status: 200,
              body: '{"data":{"total":2,"items":{"coordinator":"redis","node-id":"2"}}}',
            });
          }
          expect(output()).not.toMatch(/fallback to secondary dialer/);
        },
      );
    },
  );

  it("reports kubelet's dial error when nothing listens on the forwarded port", async () => {
    await portForward(
      'stalwart-antigenic-stalwart-helm-chart-0',
      9999,
      {},
      async (localPort, output) => {
        await get(localPort, '/').catch(() => undefined);
        const started = Date.now();
        while (!/error forwarding port 9999/.test(output())) {
          if (Date.now() - started > 10_000) throw new Error(output());
          await new Promise(resolve => setTimeout(resolve, 50));
        }
        expect(output()).toMatch(/connect: connection refused/);
      },
    );
  });
  it('reaches the v0.16 pod through the tunnel: x:NetworkListener/get answers whole objects, every schema property with its default, and x:NetworkListener/set refuses tlsImplicit: null with notUpdated (api-facts "Whole objects", "Reset")', async () => {
    const jmap = (localPort: number, methodCalls: unknown[]) =>
      request(localPort, '/jmap', {
        authorization: EDGE_API_KEY,
        body: {
          using: ['urn:ietf:params:jmap:core', 'urn:stalwart:jmap'],
          methodCalls,
        },
      }).then(r => ({ status: r.status, body: JSON.parse(r.body) }));
    await portForward(
      'mail-stalwart-0',
      8080,
      {},
      async localPort => {
        const got = await jmap(localPort, [
          ['x:NetworkListener/query', {}, 'q'],
          ['x:NetworkListener/get', { '#ids': { resultOf: 'q', name: 'x:NetworkListener/query', path: '/ids' } }, 'g'],
        ]); // prettier-ignore
        expect(got.status).toBe(200);
        const list: Array<Record<string, unknown>> =
          got.body.methodResponses[1][1].list;
        const properties = Object.keys(
          fieldsOf('x:NetworkListener')!.properties,
        );
        expect(list.length).toBeGreaterThan(0);
        for (const listener of list)
          expect(Object.keys(listener).sort()).toEqual(
            ['id', ...properties].sort(),
          );
        // Stored: name, bind, protocol only; the rest is NetworkListener::default().
        const smtp = list.find(l => l.name === 'smtp')!;
        expect(smtp).toMatchObject({
          tlsImplicit: false,
          useTls: true,
          maxConnections: 8192,
          socketTtl: null,
          tlsDisableProtocols: {},
        });

        const set = await jmap(localPort, [
          ['x:NetworkListener/set', { update: { [smtp.id as string]: { tlsImplicit: null } } }, 's'],
          ['x:NetworkListener/get', { ids: [smtp.id] }, 'g'],
        ]); // prettier-ignore
        const [name, result] = set.body.methodResponses[0];
        expect(name).toBe('x:NetworkListener/set');
        expect(result.updated ?? {}).toEqual({});
        expect(result.notUpdated).toEqual({
          [smtp.id as string]: {
            type: 'invalidPatch',
            description:
              'Invalid value for boolean property (expected true or false)',
            properties: ['tlsImplicit'],
          },
        });
        expect(set.body.methodResponses[1][1].list[0].tlsImplicit).toBe(false);
      },
      { cluster: 'edge', namespace: 'mail' },
    );
  });
});
