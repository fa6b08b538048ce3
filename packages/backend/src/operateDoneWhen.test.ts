import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import {
  startBackendWithSimulator,
  waitFor,
  type BackendWithSimulator,
} from '@stalwart-backstage/test-harness';
import { hasKubectl, runKubectl } from '@stalwart-backstage/simulator';

/** The machine's kubectl against one simulated cluster, as an operator would run it. */
async function kubectl(server: string, token: string, args: string[]) {
  const { code, stdout, stderr } = await runKubectl(server, token, args);
  if (code !== 0) throw new Error(`kubectl ${args.join(' ')}: ${stderr}`);
  return stdout;
}

// Issue #20's "done when", against the example backend and the demo scenario: a reconcile
// the simulated Flux handles, the guest owner told of the expiring certificate, and the Stalwart tools an AI agent sees over MCP.
(hasKubectl ? describe : describe.skip)(
  'operating the demo from Backstage',
  () => {
    let stack: BackendWithSimulator;

    beforeAll(async () => {
      stack = await startBackendWithSimulator({
        // The owner notifier is a scheduled task, every 5 minutes by default.
        config: { stalwart: { notifications: { frequency: { seconds: 2 } } } },
      });
    }, 180_000);

    afterAll(async () => {
      await stack?.stop();
    }, 60_000);

    it('reconciles the Flux HelmRelease through the route and kubectl shows the simulated Flux handled the request', async () => {
      await stack.waitForJson(
        '/api/catalog/entities/by-name/component/default/stalwart',
      );
      const res = await stack.request(
        '/api/stalwart/v1/entities/default/component/stalwart/gitops/reconcile',
        { method: 'POST', body: JSON.stringify({ dryRun: false }) },
      );
      expect(res.status).toBe(200);

      const homelab = stack.simulator.clusters.find(c => c.name === 'homelab')!;
      const read = async () =>
        JSON.parse(
          await kubectl(homelab.url, homelab.token, [
            'get',
            'helmreleases.helm.toolkit.fluxcd.io',
            'stalwart',
            '-n',
            'stalwart',
            '-o',
            'json',
          ]),
        );
      const release = await waitFor(
        'the simulated Flux to handle the reconcile request',
        async () => {
          const current = await read();
          const requestedAt =
            current.metadata.annotations?.['reconcile.fluxcd.io/requestedAt'];
          return requestedAt &&
            current.status?.lastHandledReconcileAt === requestedAt
            ? current
            : undefined;
        },
        { timeoutMs: 30_000, intervalMs: 500 },
      );
      const requestedAt =
        release.metadata.annotations['reconcile.fluxcd.io/requestedAt'];
      expect(Date.now() - Date.parse(requestedAt)).toBeLessThan(120_000);
      expect(release.status.lastHandledReconcileAt).toBe(requestedAt);
    }, 90_000);

    it("lists the demo's expiring certificate among the guest owner's notifications", async () => {
      const notification = await waitFor(
        'the certificate expiry notification',
        async () => {
          const res = await stack.request('/api/notifications');
          if (!res.ok) return undefined;
          const body = (await res.json()) as {
            notifications: {
              payload: { title: string; description?: string; link?: string };
            }[];
          };
          return body.notifications.find(n =>
            /^Certificate of component:default\/mail-edge expires in \d+ days$/.test(
              n.payload.title,
            ),
          );
        },
        { timeoutMs: 60_000, intervalMs: 1000 },
      );
      expect(notification.payload.description).toMatch(/valid until/);
      expect(notification.payload.link).toBe(
        '/catalog/default/component/mail-edge/mail-server',
      );
    }, 90_000);

    it('lists the four Stalwart tools over MCP and get-instance-status returns the verdict of mail-edge', async () => {
      const client = new Client({ name: 'done-when-test', version: '1.0.0' });
      await client.connect(
        new StreamableHTTPClientTransport(
          new URL(`${stack.backend.baseUrl}/api/mcp-actions/v1`),
          {
            requestInit: {
              headers: { Authorization: `Bearer ${stack.token}` },
            },
          },
        ),
      );
      try {
        const { tools } = await client.listTools();
        expect(tools.map(t => t.name)).toEqual(
          expect.arrayContaining([
            'stalwart.get-instance-status',
            'stalwart.get-settings-drift',
            'stalwart.list-fleet',
            'stalwart.reconcile-instance',
          ]),
        );
        const expected = await stack.waitForJson<{
          verdict: { state: string };
        }>('/api/stalwart/v1/entities/default/component/mail-edge/status');
        const result: any = await client.callTool({
          name: 'stalwart.get-instance-status',
          arguments: { entityRef: 'component:default/mail-edge' },
        });
        expect(result.isError).toBeFalsy();
        const text = result.content.map((c: any) => c.text).join('\n');
        expect(text).toContain(expected.verdict.state);
      } finally {
        await client.close();
      }
    }, 90_000);
  },
);
