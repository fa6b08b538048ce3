import { spawn } from 'node:child_process';
import path from 'node:path';
import {
  startSimulatorServer,
  SimulatorServer,
} from '../server/startSimulatorServer';
import { KUBECTL, hasKubectl, runKubectl } from '../runKubectl';

const DEMO = path.resolve(__dirname, '../../scenarios/demo');
const MAIL_SERVICE = 'stalwart-antigenic-stalwart-helm-chart-mail';
const describeKubectl = hasKubectl ? describe : describe.skip;
if (!hasKubectl) {
  // eslint-disable-next-line no-console
  console.warn(`NOTICE: ${KUBECTL} is absent; the kubectl tests are skipped.`);
}

// Each test runs the real kubectl binary against a simulator it started.
jest.setTimeout(30_000);

describeKubectl(
  'kubectl v1.32 against the standalone simulator (demo scenario)',
  () => {
    let server: SimulatorServer;
    beforeAll(async () => {
      server = await startSimulatorServer({
        scenarioDir: DEMO,
        port: 0,
        host: '127.0.0.1',
        tls: true,
      });
    });
    afterAll(() => server.close());

    it('lists statefulsets, pods, services, certificates and helmreleases across namespaces as JSON', async () => {
      const result = await runKubectl(server.url, server.token, [
        'get',
        'statefulsets,pods,services,certificates.cert-manager.io,helmreleases.helm.toolkit.fluxcd.io',
        '-A',
        '-o',
        'json',
      ]);
      expect(result.stderr).toBe('');
      const list = JSON.parse(result.stdout);
      const kinds = list.items.map((i: any) => `${i.kind}/${i.metadata.name}`);
      expect(kinds).toEqual(
        expect.arrayContaining([
          'StatefulSet/stalwart-antigenic-stalwart-helm-chart',
          'Pod/stalwart-antigenic-stalwart-helm-chart-2',
          `Service/${MAIL_SERVICE}`,
          'Certificate/stalwart-antigenic-stalwart-helm-chart-tls',
          'HelmRelease/stalwart',
        ]),
      );
      const certificate = list.items.find((i: any) => i.kind === 'Certificate');
      expect(Date.parse(certificate.status.notAfter)).toBeGreaterThan(
        Date.now(),
      );
    });

    it('reads the second cluster under /clusters/<name> with its own token', async () => {
      const edge = server.clusters.find(c => c.name === 'edge')!;
      const result = await runKubectl(edge.url, edge.token, [
        'get',
        'services',
        '-n',
        'mail',
        '-o',
        'json',
      ]);
      const pending = JSON.parse(result.stdout).items.find(
        (s: any) => s.metadata.name === 'mail-stalwart-mail',
      );
      expect(pending.spec.type).toBe('LoadBalancer');
      expect(pending.status.loadBalancer.ingress).toBeUndefined();
    });

    it('streams watch events: a rollout restart shows the pods being replaced', async () => {
      const child = spawn(
        KUBECTL,
        [
          '--server',
          server.url,
          '--token',
          server.token,
          '--insecure-skip-tls-verify',
          '--cache-dir',
          `/tmp/kubectl-watch-${process.pid}`,
          'get',
          'pods',
          '-n',
          'stalwart',
          '--watch',
          '-o',
          'name',
        ],
        { env: { ...process.env, KUBECONFIG: '/dev/null' } },
      );
      let output = '';
      child.stdout.on('data', chunk => (output += chunk));
      try {
        await waitFor(() => output.split('\n').filter(Boolean).length >= 3);
        const restart = await runKubectl(server.url, server.token, [
          'rollout',
          'restart',
          'statefulset/stalwart-antigenic-stalwart-helm-chart',
          '-n',
          'stalwart',
        ]);
        expect(restart.stdout).toContain('restarted');
        await waitFor(() => output.split('\n').filter(Boolean).length >= 9);
      } finally {
        child.kill();
      }
      expect(output.split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(
        9,
      );
    });

    it('proxies to the Stalwart pods behind a service, as get --raw …/proxy does', async () => {
      const ready = await runKubectl(server.url, server.token, [
        'get',
        '--raw',
        `/api/v1/namespaces/stalwart/services/${MAIL_SERVICE}:8080/proxy/healthz/ready`,
        '-v=6',
      ]);
      expect(ready.stderr).toMatch(/proxy\/healthz\/ready 200 OK/);
    });

    it('does not forward the kubectl bearer token through the proxy, so Stalwart answers 401', async () => {
      // kube-apiserver deletes Authorization once it has authenticated the request
      // (k8s.io/apiserver pkg/endpoints/filters/authentication.go).
      const list = await runKubectl(server.url, server.token, [
        'get',
        '--raw',
        `/api/v1/namespaces/stalwart/services/${MAIL_SERVICE}:8080/proxy/api/settings/list`,
      ]);
      expect(list.code).not.toBe(0);
      expect(list.stderr).toMatch(/Unauthorized|provide credentials/);
    });

    it('rejects a wrong token with 401', async () => {
      const result = await runKubectl(server.url, 'not-the-token', [
        'get',
        'pods',
        '-A',
      ]);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toMatch(/provide credentials|Unauthorized/);
    });
  },
);

async function waitFor(condition: () => boolean, timeoutMs = 15_000) {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise(resolve => setTimeout(resolve, 100));
  }
}
