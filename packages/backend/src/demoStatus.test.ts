import {
  startBackendWithSimulator,
  type BackendWithSimulator,
} from '@stalwart-backstage/test-harness';
import type { InstanceStatusResponseV1 } from '@stalwart-backstage/plugin-stalwart-common';

// The status endpoint of the real example backend, against the simulated demo clusters that
// the README's start command serves: the verdicts a user of the demo sees.
describe('instance status of the demo scenario', () => {
  let stack: BackendWithSimulator;

  beforeAll(async () => {
    stack = await startBackendWithSimulator();
  }, 180_000);

  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  const status = (name: string) =>
    stack.waitForJson<InstanceStatusResponseV1>(
      `/api/stalwart/v1/entities/default/component/${name}/status`,
    );

  const reasonCodes = (response: InstanceStatusResponseV1) =>
    response.verdict.reasons.map(reason => reason.code).sort();

  it('finds the v0.15 instance on the Antigenic chart healthy', async () => {
    const response = await status('stalwart');

    expect(response.verdict).toEqual({ state: 'healthy', reasons: [] });
    const [homelab] = response.clusters;
    expect(homelab).toMatchObject({ cluster: 'homelab', data: 'live' });
    expect(homelab.workload).toMatchObject({
      kind: 'StatefulSet',
      replicas: { desired: 3, ready: 3 },
    });
    expect(homelab.pods.map(pod => [pod.ordinal, pod.nodeId])).toEqual([
      [0, 0],
      [1, 1],
      [2, 2],
    ]);
    expect(homelab.certificate).toMatchObject({
      state: 'ok',
      coversHostname: true,
    });
    expect(homelab.gitops).toMatchObject({ tool: 'flux', failures: 0 });
  }, 90_000);

  it('flags the v0.16 instance for its expiring certificate, stale pod and pending address', async () => {
    const response = await status('mail-edge');

    expect(response.verdict.state).toBe('critical');
    expect(reasonCodes(response)).toEqual(
      expect.arrayContaining([
        'certificate.expires-soon',
        'pod.config-stale',
        'exposure.address-pending',
      ]),
    );
    const [edge] = response.clusters;
    expect(edge.certificate).toMatchObject({ state: 'critical' });
    expect(edge.exposure?.service).toMatchObject({ type: 'LoadBalancer' });
    expect(edge.gitops).toMatchObject({ tool: 'argocd' });
  }, 90_000);
});
