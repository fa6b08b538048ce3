import type { ClusterInstanceStatusV1 } from '@stalwart-backstage/plugin-stalwart-common';
import { recordFigure } from '../../figures/recordFigure';
import {
  DEMO,
  RETRY,
  readWhile,
  requestBound,
  requestsBetween,
  sleep,
  startFaultStack,
  type FaultStack,
} from './kubernetesFaultStack';

const FAULT_SECONDS = 10;
const RECOVERY_BOUND_SECONDS = 5 * RETRY.maxBackoffSeconds;

// The backend's service account loses access to the edge cluster while it runs. A real API
// server keeps already open watches until they time out; dropping them stands for that timeout.
describe('Kubernetes API access refused', () => {
  let stack: FaultStack;

  beforeAll(async () => {
    stack = await startFaultStack();
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  /** Runs `fault` on the edge cluster for FAULT_SECONDS, reading both instances meanwhile. */
  async function duringFault(fault: { start(): void; end(): void }) {
    const { cluster } = DEMO.edge;
    const before = stack.requestsTo(cluster);
    const homelabBefore = stack.requestsTo(DEMO.homelab.cluster);
    fault.start();
    stack.simulator.control.dropWatches(cluster);
    const started = Date.now();
    const window = sleep(FAULT_SECONDS * 1000);
    const [edgeReads, homelabReads] = await Promise.all([
      readWhile(stack, DEMO.edge, window, 500),
      readWhile(stack, DEMO.homelab, window, 1000),
    ]);
    const faultSeconds = (Date.now() - started) / 1000;
    const sent = requestsBetween(before, stack.requestsTo(cluster));
    fault.end();
    const recovery = await stack.waitForCluster(
      DEMO.edge.entity,
      cluster,
      current => current.data === 'live',
      RECOVERY_BOUND_SECONDS * 1000,
    );

    expect(
      homelabReads.every(r => !(r instanceof Error) && r.data === 'live'),
    ).toBe(true);
    expect(stack.requestsTo(DEMO.homelab.cluster).watches).toBe(
      homelabBefore.watches,
    );
    const bound = requestBound({ faultSeconds, watchDrops: 1 });
    expect(sent.total).toBeLessThanOrEqual(bound);
    expect(edgeReads.every(r => !(r instanceof Error))).toBe(true);
    return {
      last: edgeReads[edgeReads.length - 1] as ClusterInstanceStatusV1,
      reads: edgeReads as ClusterInstanceStatusV1[],
      sent,
      bound,
      faultSeconds,
      recovery,
    };
  }

  function record(
    property: 'k8s.expired-token' | 'k8s.rbac-one-kind',
    result: Awaited<ReturnType<typeof duringFault>>,
  ) {
    recordFigure({
      property,
      measure: `requests sent to the cluster during ${Math.round(
        result.faultSeconds,
      )} s of refusals`,
      value: result.sent.total,
      bound: `<= ${result.bound}`,
    });
    recordFigure({
      property,
      measure: 'seconds from access restored until the status is live again',
      value: Number(result.recovery.seconds.toFixed(2)),
      unit: 's',
      bound: `<= ${RECOVERY_BOUND_SECONDS} (5 x maxBackoff)`,
    });
  }

  it('serves stale data with "Unauthorized" as the reason while the token is refused (401), and recovers once it works again', async () => {
    const users = stack.simulator.control.cluster(DEMO.edge.cluster).users;
    const valid = users[0];
    const result = await duringFault({
      start: () => {
        users[0] = { ...valid, token: 'rotated-by-the-cluster-admin' };
      },
      end: () => {
        users[0] = valid;
      },
    });

    expect(result.last).toMatchObject({
      data: 'stale',
      workload: { name: expect.any(String) },
      error: {
        statusCode: 401,
        message: expect.stringMatching(/^HTTP 401: Unauthorized/),
      },
    });
    expect(result.reads.every(r => r.workload?.name)).toBe(true);
    record('k8s.expired-token', result);
  }, 90_000);

  it('names the forbidden kind (403 on Certificates) and keeps serving workload, pods, exposure and GitOps', async () => {
    const { deny } = stack.simulator.control.cluster(DEMO.edge.cluster)
      .users[0];
    const result = await duringFault({
      start: () => deny.push('certificates.cert-manager.io'),
      end: () => deny.splice(deny.indexOf('certificates.cert-manager.io'), 1),
    });

    expect(result.last).toMatchObject({
      error: {
        statusCode: 403,
        message: expect.stringContaining(
          '/apis/cert-manager.io/v1/certificates',
        ),
      },
      workload: { name: expect.any(String) },
      exposure: expect.anything(),
      gitops: { tool: 'argocd' },
    });
    expect(result.last.pods.length).toBeGreaterThan(0);
    expect(result.reads.every(r => r.workload?.name && r.gitops)).toBe(true);
    record('k8s.rbac-one-kind', result);
  }, 90_000);
});
