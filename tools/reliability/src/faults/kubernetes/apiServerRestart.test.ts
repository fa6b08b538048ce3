import { recordFigure } from '../../figures/recordFigure';
import {
  DEMO,
  RETRY,
  renewEdgeCertificate,
  requestBound,
  requestsBetween,
  startFaultStack,
  type FaultStack,
} from './kubernetesFaultStack';

// kube-apiserver restarts: every watch is closed and the watch cache's history is gone, so a
// watch resumed from the old resourceVersion gets a 410 Expired and the informer must relist.
describe('a Kubernetes API server restart mid-watch', () => {
  let stack: FaultStack;

  beforeAll(async () => {
    stack = await startFaultStack();
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  it('relists after the 410, keeps serving meanwhile, and shows a change made while the watches were down', async () => {
    const { entity, cluster } = DEMO.edge;
    const before = await stack.clusterStatus(entity, cluster);
    expect(before.certificate?.state).toBe('critical');
    // Kinds the cluster does not serve (no CRD) have no watch; every other collection has one.
    const openWatches = stack.simulator.control.cluster(cluster).watches;
    const watchesBefore = openWatches.size;
    expect(watchesBefore).toBeGreaterThan(0);
    const homelabBefore = stack.requestsTo(DEMO.homelab.cluster);
    const edgeBefore = stack.requestsTo(cluster);

    // A live cluster's resourceVersion always moves on (leases, events); here a namespace no
    // collection watches, so every watch's resourceVersion is now older than the cluster's.
    stack.simulator.control.apply(cluster, {
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'activity-before-restart' },
    });
    // Same tick: the restart closes the watches and compacts history past every watch's
    // resourceVersion, and the certificate is renewed before any watch can reconnect, so
    // only a relist after the 410 can bring the change.
    stack.simulator.control.restartApiServer(cluster);
    const notAfter = renewEdgeCertificate(stack, 90);

    const served: string[] = [];
    const { status, seconds } = await stack.waitForCluster(
      entity,
      cluster,
      current => {
        served.push(current.workload ? current.data : 'no workload');
        return (
          current.data === 'live' && current.certificate?.notAfter === notAfter
        );
      },
      // Loose on purpose: the relist starts at once, a loaded machine may still be slow.
      5 * RETRY.maxBackoffSeconds * 1000,
    );
    const sent = requestsBetween(edgeBefore, stack.requestsTo(cluster));

    expect(status.certificate?.state).toBe('ok');
    expect(served.every(data => data === 'live' || data === 'stale')).toBe(
      true,
    );
    // Every watching collection relisted (a resumed watch alone sends no list) ...
    expect(sent.lists).toBeGreaterThanOrEqual(watchesBefore);
    // ... and no more than the retry settings allow.
    const bound = requestBound({ faultSeconds: seconds, watchDrops: 1 });
    expect(sent.total).toBeLessThanOrEqual(bound);
    // The other cluster was not restarted.
    // Its watches stayed open: no reconnect (kinds it lacks are still polled, slowly).
    expect(stack.requestsTo(DEMO.homelab.cluster).watches).toBe(
      homelabBefore.watches,
    );
    expect(
      (await stack.clusterStatus(DEMO.homelab.entity, DEMO.homelab.cluster))
        .data,
    ).toBe('live');

    const property = 'k8s.restart-mid-watch';
    recordFigure({
      property,
      measure: 'seconds from the restart until the relisted change is served',
      value: Number(seconds.toFixed(2)),
      unit: 's',
      bound: `<= ${5 * RETRY.maxBackoffSeconds} (5 x maxBackoff)`,
    });
    recordFigure({
      property,
      measure: 'lists sent to relist the restarted cluster',
      value: sent.lists,
      bound: `>= ${watchesBefore} (one per watch open before the restart)`,
    });
    recordFigure({
      property,
      measure: 'requests sent to the restarted cluster until fresh again',
      value: sent.total,
      bound: `<= ${bound}`,
    });
    recordFigure({
      property,
      measure: 'status reads during the restart that lost the workload',
      value: served.filter(data => data !== 'live' && data !== 'stale').length,
      bound: '= 0',
    });
  }, 60_000);
});
