import { resolve } from 'node:path';
import { recordFigure } from '../../figures/recordFigure';
import { startClosableProxy } from './closableProxy';
import {
  COLLECTIONS_PER_CLUSTER,
  DEMO,
  RETRY,
  readWhile,
  sleep,
  startFaultStack,
  type FaultStack,
} from './kubernetesFaultStack';

const REFUSED_SECONDS = 20;
const RECOVERY_BOUND_SECONDS = 5 * RETRY.maxBackoffSeconds;
const NOWHERE = 'nowhere';
/** Memory a long outage may add to the backend before we call it a leak. */
const RSS_GROWTH_BOUND_MIB = 64;

/**
 * Attempts a cluster's collections may make in `seconds`: each failed attempt waits at least
 * minRestartSeconds before the next (see requestBound). The backend logs each failed attempt.
 */
const attemptBound = (seconds: number) =>
  COLLECTIONS_PER_CLUSTER * (Math.ceil(seconds / RETRY.minRestartSeconds) + 1);

/** The backend's warnings of failed watch attempts on one cluster since `fromOffset`. */
const failedAttempts = (
  stack: FaultStack,
  cluster: string,
  fromOffset: number,
) =>
  stack.backend
    .logs()
    .slice(fromOffset)
    .split('\n')
    .filter(line => line.includes(`in cluster ${cluster} failed:`));

// Edge reaches its API server through a relay the test closes (connection refused); a third
// cluster's URL names a host that cannot resolve (DNS failure).
describe('a Kubernetes cluster that cannot be reached', () => {
  let stack: FaultStack;
  let proxy: Awaited<ReturnType<typeof startClosableProxy>>;

  beforeAll(async () => {
    stack = await startFaultStack({
      clusters: async simulated => {
        const simulatorPort = Number(new URL(simulated[0].url).port);
        proxy = await startClosableProxy(simulatorPort);
        return [
          ...simulated.map(cluster =>
            cluster.name === DEMO.edge.cluster
              ? {
                  ...cluster,
                  url: `https://127.0.0.1:${proxy.port}/clusters/${cluster.name}`,
                }
              : cluster,
          ),
          {
            name: NOWHERE,
            url: 'https://no-such-cluster.invalid',
            authProvider: 'serviceAccount',
            serviceAccountToken: 'never-sent',
            skipMetricsLookup: true,
          },
        ];
      },
      config: {
        catalog: {
          locations: [
            { type: 'file', target: '../../examples/stalwart-demo.yaml' },
            {
              type: 'file',
              target: resolve(
                __dirname,
                '__scenarios__/unreachable-catalog.yaml',
              ),
            },
          ],
        },
      },
    });
  }, 240_000);

  afterAll(async () => {
    await stack?.stop();
    await proxy?.stop();
  }, 60_000);

  it('serves the last known data as stale with "connection refused", leaves the other cluster live, backs off, and recovers once the server listens again', async () => {
    const { entity, cluster } = DEMO.edge;
    const logOffset = stack.backend.logs().length;
    const rssBefore = stack.rssKiB();

    await proxy.refuse();
    const started = Date.now();
    const outage = sleep(REFUSED_SECONDS * 1000);
    const [edgeReads, homelabReads] = await Promise.all([
      readWhile(stack, DEMO.edge, outage, 500),
      readWhile(stack, DEMO.homelab, outage, 1000),
    ]);
    const faultSeconds = (Date.now() - started) / 1000;
    const attempts = failedAttempts(stack, cluster, logOffset);
    const rssAfter = stack.rssKiB();

    await proxy.accept();
    const recovery = await stack.waitForCluster(
      entity,
      cluster,
      current => current.data === 'live',
      RECOVERY_BOUND_SECONDS * 1000,
    );

    const last = edgeReads[edgeReads.length - 1];
    expect(last).toMatchObject({
      data: 'stale',
      workload: { name: expect.any(String) },
      error: { message: expect.stringContaining('ECONNREFUSED') },
    });
    expect(
      edgeReads.every(r => !(r instanceof Error) && r.workload?.name),
    ).toBe(true);
    expect(
      homelabReads.every(r => !(r instanceof Error) && r.data === 'live'),
    ).toBe(true);
    expect(attempts.some(line => line.includes('ECONNREFUSED'))).toBe(true);
    expect(attempts.length).toBeLessThanOrEqual(attemptBound(faultSeconds));
    const growthMiB = (rssAfter - rssBefore) / 1024;
    expect(growthMiB).toBeLessThan(RSS_GROWTH_BOUND_MIB);

    const property = 'k8s.unreachable';
    recordFigure({
      property,
      measure: `connection refused: failed attempts on the cluster during ${Math.round(
        faultSeconds,
      )} s (each up to ${RETRY.maxRetries + 1} lists and a watch)`,
      value: attempts.length,
      bound: `<= ${attemptBound(faultSeconds)}`,
    });
    recordFigure({
      property,
      measure: 'connection refused: seconds from listening again until live',
      value: Number(recovery.seconds.toFixed(2)),
      unit: 's',
      bound: `<= ${RECOVERY_BOUND_SECONDS} (5 x maxBackoff)`,
    });
    recordFigure({
      property,
      measure: `connection refused: backend RSS before / after ${Math.round(
        faultSeconds,
      )} s`,
      value: `${Math.round(rssBefore / 1024)} / ${Math.round(rssAfter / 1024)}`,
      unit: 'MiB',
      bound: `growth < ${RSS_GROWTH_BOUND_MIB}`,
    });
  }, 120_000);

  it('reports a cluster whose hostname does not resolve as unavailable with the DNS error, beside the other cluster in full', async () => {
    const logOffset = stack.backend.logs().length;
    const started = Date.now();
    const response = await stack.status('stalwart-and-nowhere');
    const nowhere = response.clusters.find(c => c.cluster === NOWHERE)!;
    const homelab = response.clusters.find(
      c => c.cluster === DEMO.homelab.cluster,
    )!;

    expect(nowhere).toMatchObject({
      data: 'unavailable',
      workload: null,
      error: { message: expect.stringMatching(/ENOTFOUND|EAI_AGAIN/) },
    });
    expect(homelab).toMatchObject({
      data: 'live',
      workload: { kind: 'StatefulSet' },
    });
    expect(homelab.pods).toHaveLength(3);
    expect(response.errors).toEqual([
      expect.objectContaining({ cluster: NOWHERE }),
    ]);

    // Keep reading for a while: the unresolvable cluster is retried with backoff only.
    await readWhile(
      stack,
      { entity: 'stalwart-and-nowhere', cluster: NOWHERE },
      sleep(10_000),
      500,
    );
    const seconds = (Date.now() - started) / 1000;
    const attempts = failedAttempts(stack, NOWHERE, logOffset);
    expect(attempts.length).toBeLessThanOrEqual(attemptBound(seconds));

    recordFigure({
      property: 'k8s.unreachable',
      measure: `DNS failure: failed attempts on the cluster during ${Math.round(
        seconds,
      )} s`,
      value: attempts.length,
      bound: `<= ${attemptBound(seconds)}`,
    });
  }, 60_000);
});
