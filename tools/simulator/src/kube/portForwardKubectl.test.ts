import { encodeV015ApiKey } from '../stalwart/v015/encodeV015ApiKey';
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import {
  startSimulatorServer,
  SimulatorServer,
} from '../server/startSimulatorServer';
import { KUBECTL, hasKubectl } from '../__testUtils__/runKubectl';

// kubectl ≥ 1.31 tunnels SPDY/3.1 in a WebSocket (`SPDY/3.1+portforward.k8s.io`) and falls
// back to `Upgrade: SPDY/3.1`; both must reach the pod's Stalwart with the caller's headers.
const DEMO = path.resolve(__dirname, '../../scenarios/demo');
const API_KEY = `Bearer ${encodeV015ApiKey(
  'backstage',
  'demo-backstage-api-key',
)}`;
const describeKubectl = hasKubectl ? describe : describe.skip;

function get(port: number, target: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    http
      .get(
        {
          host: '127.0.0.1',
          port,
          path: target,
          headers: { Authorization: API_KEY },
        },
        response => {
          let body = '';
          response.on('data', chunk => (body += chunk));
          response.on('end', () =>
            resolve({ status: response.statusCode ?? 0, body }),
          );
        },
      )
      .on('error', reject);
  });
}

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
  ) {
    const child = spawn(
      KUBECTL,
      ['--server', server.url, '--token', server.token, '--insecure-skip-tls-verify',
        '-n', 'stalwart', 'port-forward', `pod/${pod}`, `:${remotePort}`, '-v=4'],
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
});
