import type { ClusterInstanceStatusV1 } from '@stalwart-backstage/plugin-stalwart-common';
import { recordFigure } from '../../figures/recordFigure';
import {
  DEMO,
  RETRY,
  readWhile,
  requestBound,
  requestsBetween,
  restartWithActivity,
  sleep,
  startFaultStack,
  type FaultStack,
} from './kubernetesFaultStack';

const FAULT_SECONDS = 12;
/** How often the faulted apiserver restarts during the fault, so requests keep meeting it. */
const CHURN_SECONDS = 2;
const RECOVERY_BOUND_SECONDS = 5 * RETRY.maxBackoffSeconds;

// Injected 500s on a share of every request to the edge cluster, while its apiserver restarts
// every CHURN_SECONDS: without the churn, watches opened before the fault would stay open
// and the cache would send nothing for the errors to hit.
describe('Kubernetes API requests failing with 500', () => {
  let stack: FaultStack;

  beforeAll(async () => {
    stack = await startFaultStack();
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
  }, 60_000);

  afterEach(() => stack?.simulator.control.clearFaults());

  it.each([
    { rate: 0.05, property: 'k8s.error-rate-5' as const, minStale: 0 },
    { rate: 0.5, property: 'k8s.error-rate-50' as const, minStale: 1 },
  ])(
    'at a rate of $rate: keeps serving the last known data, bounds its requests, and is fresh again within a retry period',
    async ({ rate, property, minStale }) => {
      const { control } = stack.simulator;
      const faulted = DEMO.edge;
      const edgeBefore = stack.requestsTo(faulted.cluster);
      const homelabBefore = stack.requestsTo(DEMO.homelab.cluster);
      const rssBefore = stack.rssKiB();

      control.addFault({
        path: `^/clusters/${faulted.cluster}/`,
        status: 500,
        rate,
      });
      const started = Date.now();
      let restarts = 0;
      const fault = (async () => {
        while (Date.now() - started < FAULT_SECONDS * 1000) {
          restartWithActivity(stack, faulted.cluster);
          restarts += 1;
          await sleep(CHURN_SECONDS * 1000);
        }
      })();
      const [edgeReads, homelabReads] = await Promise.all([
        readWhile(stack, faulted, fault),
        readWhile(stack, DEMO.homelab, fault, 1000),
      ]);
      const faultSeconds = (Date.now() - started) / 1000;
      const sent = requestsBetween(
        edgeBefore,
        stack.requestsTo(faulted.cluster),
      );
      const rssAfter = stack.rssKiB();

      control.clearFaults();
      const recovery = await stack.waitForCluster(
        faulted.entity,
        faulted.cluster,
        current => current.data === 'live',
        RECOVERY_BOUND_SECONDS * 1000,
      );

      // Never a failed read, never the workload lost: live, or stale with the 500 as reason.
      const answered = edgeReads.filter(
        (r): r is ClusterInstanceStatusV1 => !(r instanceof Error),
      );
      expect(answered).toHaveLength(edgeReads.length);
      expect(answered.every(r => r.workload?.name)).toBe(true);
      const stale = answered.filter(r => r.data !== 'live');
      for (const read of stale) {
        expect(read).toMatchObject({
          data: 'stale',
          error: {
            statusCode: 500,
            message: expect.stringMatching(/^HTTP 500/),
          },
        });
      }
      // At 50 % some reconnect surely fails and shows; at 5 % none may.
      expect(stale.length).toBeGreaterThanOrEqual(minStale);
      // The other cluster is untouched: all its reads live.
      expect(
        homelabReads.every(r => !(r instanceof Error) && r.data === 'live'),
      ).toBe(true);
      // Its watches stayed open: no reconnect (kinds it lacks are still polled, slowly).
      expect(stack.requestsTo(DEMO.homelab.cluster).watches).toBe(
        homelabBefore.watches,
      );
      const bound = requestBound({ faultSeconds, watchDrops: restarts });
      expect(sent.total).toBeLessThanOrEqual(bound);

      recordFigure({
        property,
        measure: `requests sent to the faulted cluster during ${Math.round(
          faultSeconds,
        )} s of faults (${restarts} apiserver restarts)`,
        value: sent.total,
        bound: `<= ${bound}`,
      });
      recordFigure({
        property,
        measure:
          'status reads during the fault: stale with the 500 as reason / all',
        value: `${stale.length} / ${answered.length}`,
        bound: `stale >= ${minStale}; workload never lost`,
      });
      recordFigure({
        property,
        measure: 'seconds from the fault ending until the status is live again',
        value: Number(recovery.seconds.toFixed(2)),
        unit: 's',
        bound: `<= ${RECOVERY_BOUND_SECONDS} (5 x maxBackoff)`,
      });
      recordFigure({
        property,
        measure: 'backend RSS before / after the fault',
        value: `${Math.round(rssBefore / 1024)} / ${Math.round(
          rssAfter / 1024,
        )}`,
        unit: 'MiB',
      });
    },
    120_000,
  );
});
