import type { StalwartFaultRule } from '@stalwart-backstage/simulator';
import {
  ConnectionFixture,
  edgeEntity,
  homelabEntity,
  startConnectionFixture,
} from '../../__testUtils__/startConnectionFixture';
import type { V015Client } from './clients/V015Client';
import type { V016Client } from './clients/V016Client';
import { resolvedInstanceOf } from '../InstanceResolver/instanceFromEntity';

// Each answer is injected with the simulator's control API; shapes are stalwart-v015.md §1
// "Response envelope and errors" (problem+json, HTTP 200 management errors).
const POD0 = 'stalwart-antigenic-stalwart-helm-chart-0';
const LIST = '^/api/settings/list$';

// The fixture starts a simulated cluster and Stalwart pods over HTTP before the first test.
jest.setTimeout(30_000);

describe('what Stalwart answers, as typed errors', () => {
  let fixture: ConnectionFixture;
  let homelab: V015Client;
  let edge: V016Client;
  const fault = (rule: StalwartFaultRule) =>
    fixture.server.control.addStalwartFault(rule);
  const elapsed = async (run: () => Promise<unknown>) => {
    const started = Date.now();
    await run().catch(() => undefined);
    return Date.now() - started;
  };

  beforeAll(async () => {
    fixture = await startConnectionFixture({
      connection: {
        requestTimeout: { milliseconds: 400 },
        maxRetries: 1,
        maxRetryAfter: { seconds: 2 },
      },
    });
    const [homelabPod] = (
      await fixture.service.connect({
        instance: resolvedInstanceOf(homelabEntity()),
      })
    ).clusters[0].pods;
    const [edgePod] = (
      await fixture.service.connect({
        instance: resolvedInstanceOf(edgeEntity()),
      })
    ).clusters[0].pods;
    if (homelabPod.engine !== 'v0.15' || edgePod.engine !== 'v0.16')
      throw new Error('the demo pods did not connect');
    homelab = homelabPod.client;
    edge = edgePod.client;
  });
  afterEach(() => fixture.server.control.clearFaults());
  afterAll(() => fixture.stop());

  it.each([
    ['unauthorized', 401, 'credentials-rejected', 'Unauthorized'],
    ['forbidden', 403, 'permission-missing', 'Forbidden'],
    ['notFound', 404, 'not-found', 'Not Found'],
  ] as const)(
    "maps a %s problem+json to %i %s, with Stalwart's title and the pod, for the UI",
    async (answer, status, reason, title) => {
      fault({ path: LIST, answer });
      await expect(homelab.listSettings()).rejects.toMatchObject({
        name: 'StalwartApiError',
        reason,
        statusCode: 502,
        upstreamStatus: status,
        target: { cluster: 'homelab', namespace: 'stalwart', pod: POD0 },
        details: { type: 'about:blank', title },
      });
    },
  );

  it("waits out a 429's Retry-After and retries", async () => {
    fault({
      path: LIST,
      answer: 'tooManyRequests',
      retryAfterSeconds: 1,
      times: 1,
    });
    const started = Date.now();
    expect((await homelab.listSettings())['cluster.node-id']).toBe('0');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
  });

  it('fails at once with retryAfterSeconds when Retry-After is longer than allowed', async () => {
    fault({ path: LIST, answer: 'tooManyRequests', retryAfterSeconds: 120 });
    const took = await elapsed(async () =>
      expect(homelab.listSettings()).rejects.toMatchObject({
        reason: 'rate-limited',
        statusCode: 503,
        retryAfterSeconds: 120,
      }),
    );
    // Waiting would take the full 120 s; a loaded CI machine still answers well inside 30.
    expect(took).toBeLessThan(30_000);
  });

  it('gives up as rate-limited when every attempt is limited', async () => {
    fault({ path: LIST, answer: 'tooManyRequests' });
    await expect(homelab.listSettings()).rejects.toMatchObject({
      reason: 'rate-limited',
      upstreamStatus: 429,
      retryAfterSeconds: undefined,
    });
  });

  it('retries a read after a 500, and reports server-error when it persists', async () => {
    fault({ path: LIST, answer: 'internalServerError', times: 1 });
    expect((await homelab.listSettings())['cluster.node-id']).toBe('0');
    fault({ path: LIST, answer: 'internalServerError' });
    await expect(homelab.listSettings()).rejects.toMatchObject({
      reason: 'server-error',
      upstreamStatus: 500,
      details: { title: 'Internal Server Error' },
    });
  });

  it('does not retry a JMAP set after a 500: it may have been applied', async () => {
    fault({ path: '^/jmap$', answer: 'internalServerError', times: 1 });
    await expect(
      edge.set('x:SystemSettings', {
        update: { singleton: { maxConnections: 100 } },
      }),
    ).rejects.toMatchObject({ reason: 'server-error' });
  });

  it('turns HTTP 200 with `error` into management-error, leaving out the echoed value', async () => {
    fault({
      path: '^/api/settings$',
      answer: 'managementError',
      error: {
        error: 'fieldAlreadyExists',
        field: 'queue.route.x',
        value: 'hunter2',
      },
    });
    const error = await homelab.deleteKeys(['queue.route.x']).catch(e => e);
    expect(error).toMatchObject({
      reason: 'management-error',
      upstreamStatus: 200,
      details: { error: 'fieldAlreadyExists', field: 'queue.route.x' },
    });
    expect(JSON.stringify({ ...error, message: error.message })).not.toContain(
      'hunter2',
    );
  });

  it('reports malformed JSON as malformed-response', async () => {
    fault({ path: LIST, answer: 'malformedJson' });
    await expect(homelab.listSettings()).rejects.toMatchObject({
      reason: 'malformed-response',
      upstreamStatus: 200,
    });
  });

  it('times out a slow answer (504), then serves the next request on a fresh port-forward', async () => {
    fault({ path: LIST, answer: 'slow', delayMs: 3000 });
    await expect(homelab.listSettings()).rejects.toMatchObject({
      reason: 'timeout',
      statusCode: 504,
    });
    fixture.server.control.clearFaults();
    expect((await homelab.listSettings())['cluster.node-id']).toBe('0');
  });

  it("names Stalwart's own error, or invalid JSON, when /api/schema answers HTTP 200 instead of its redirect", async () => {
    fault({
      path: '^/api/schema$',
      answer: 'managementError',
      error: { error: 'other', details: 'Store unavailable' },
      times: 1,
    });
    await expect(edge.detectVersion()).rejects.toMatchObject({
      reason: 'management-error',
      upstreamStatus: 200,
      message: expect.stringContaining('with an error instead: other'),
      details: { error: 'other', details: 'Store unavailable' },
    });
    fault({ path: '^/api/schema$', answer: 'malformedJson', times: 1 });
    await expect(edge.detectVersion()).rejects.toMatchObject({
      reason: 'malformed-response',
      message: expect.stringContaining('HTTP 200 with invalid JSON'),
    });
  });

  it('does not confirm v0.16 when /api/schema is missing (stalwart-v016.md §4)', async () => {
    fault({ path: '^/api/schema$', answer: 'notFound' });
    const [pod] = (
      await fixture.service.connect({
        instance: resolvedInstanceOf(edgeEntity()),
      })
    ).clusters[0].pods;
    expect(pod.engine).toBeUndefined();
    expect(pod).toMatchObject({
      error: { reason: 'unsupported-version', upstreamStatus: 404 },
    });
  });
});
