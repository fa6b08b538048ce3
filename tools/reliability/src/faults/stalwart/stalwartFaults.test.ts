import type { StalwartFaultRule } from '@stalwart-backstage/simulator';
import { waitFor } from '@stalwart-backstage/test-harness';
import { recordFigure } from '../../figures/recordFigure';
import type { PropertyId } from '../../figures/properties';
import {
  CONNECTION,
  ENGINES,
  startStalwartFaultStack,
  type Engine,
  type StalwartFaultStack,
} from './stalwartFaultStack';

// One real backend for the file (~20 s to start), faults reset between cases.
jest.setTimeout(180_000);

let stack: StalwartFaultStack;
beforeAll(async () => {
  stack = await startStalwartFaultStack();
}, 240_000);
afterAll(() => stack?.stop());
afterEach(() => stack.simulator.control.clearFaults());

const engines = Object.keys(ENGINES) as Engine[];
const ATTEMPTS_PER_READ = CONNECTION.maxRetries + 1;

function inject(rule: Omit<StalwartFaultRule, 'path'>) {
  stack.simulator.control.addStalwartFault({ path: '.', ...rule });
}
const attemptsSent = () =>
  stack.simulator.control
    .stalwartFaultHits()
    .reduce((sum, hit) => sum + hit.fired, 0);

/** The drift answer under a fault: never a 5xx, never "in sync"; every pod's error as said. */
async function driftUnderFault(
  engine: Engine,
  expected: { reason: string; statusCode?: number; message: RegExp },
) {
  const { entity } = ENGINES[engine];
  const answer = await stack.drift(entity);
  expect(answer.status).toBe(200);
  const { body } = answer;
  expect(body.engine).toBe(engine);
  expect(body.pods.length).toBeGreaterThan(0);
  expect(body.pods.every(p => !p.read)).toBe(true);
  // Nothing was compared, and the report says so rather than reading as clean.
  expect(body.items).toEqual([]);
  expect(body.counts['in-sync']).toBe(0);
  const podErrors = body.errors.filter(e => e.pod);
  expect(podErrors.map(e => e.pod).sort()).toEqual(
    body.pods.map(p => p.name).sort(),
  );
  for (const error of podErrors) {
    expect(error).toMatchObject({
      reason: expected.reason,
      ...(expected.statusCode ? { statusCode: expected.statusCode } : {}),
    });
    expect(error.message).toMatch(expected.message);
    expect(error.message).toContain(
      `pod ${ENGINES[engine].namespace}/${error.pod}`,
    );
  }
  return { ...answer, pods: body.pods.length, example: podErrors[0] };
}

const ANSWERS: Array<{
  answer: StalwartFaultRule['answer'];
  property: PropertyId;
  reason: string;
  statusCode?: number;
  message: RegExp;
}> = [
  {
    answer: 'unauthorized',
    property: 'stalwart.unauthorized',
    reason: 'credentials-rejected',
    statusCode: 401,
    message: /Stalwart rejected the backend's credentials \(HTTP 401\)/,
  },
  {
    answer: 'forbidden',
    property: 'stalwart.forbidden',
    reason: 'permission-missing',
    statusCode: 403,
    message: /credentials lack a Stalwart permission \(HTTP 403\)/,
  },
  {
    answer: 'internalServerError',
    property: 'stalwart.server-error',
    reason: 'server-error',
    statusCode: 500,
    message: /Stalwart failed to answer \(HTTP 500\)/,
  },
  {
    answer: 'managementError',
    property: 'stalwart.error-body',
    reason: 'management-error',
    statusCode: 200,
    message: /error.*: other|refused .*: other/,
  },
  {
    answer: 'malformedJson',
    property: 'stalwart.malformed',
    reason: 'malformed-response',
    statusCode: 200,
    message: /invalid JSON/,
  },
];

describe.each(engines)('the drift view of the %s instance', engine => {
  it.each(ANSWERS)(
    'says exactly which failure and why when Stalwart answers $answer',
    async ({ answer, property, ...expected }) => {
      inject({ answer });
      const drift = await driftUnderFault(engine, expected);
      const attempts = attemptsSent();
      // 5xx reads are retried; refusals and bad bodies are not.
      const perPod = answer === 'internalServerError' ? ATTEMPTS_PER_READ : 1;
      expect(attempts).toBe(drift.pods * perPod);
      recordFigure({
        property,
        measure: `${engine}: reason and HTTP status in the drift view`,
        value: `${expected.reason}${
          expected.statusCode ? ` (${expected.statusCode})` : ''
        } on ${drift.pods} of ${drift.pods} pods`,
      });
      recordFigure({
        property,
        measure: `${engine}: requests Stalwart received for one drift read`,
        value: attempts,
        bound: `= ${perPod} per pod`,
      });
      recordFigure({
        property,
        measure: `${engine}: seconds until the drift answer`,
        value: drift.seconds,
        unit: 's',
      });
    },
  );

  it('says rate limited after maxRetries, waiting each Retry-After, without hammering', async () => {
    const retryAfterSeconds = 1;
    inject({ answer: 'tooManyRequests', retryAfterSeconds });
    const drift = await driftUnderFault(engine, {
      reason: 'rate-limited',
      statusCode: 429,
      message: new RegExp(
        `still rate limiting after ${ATTEMPTS_PER_READ} attempts`,
      ),
    });
    const attempts = attemptsSent();
    expect(attempts).toBe(drift.pods * ATTEMPTS_PER_READ);
    // Each pod's retries waited out Retry-After (pods are read in parallel).
    expect(drift.seconds).toBeGreaterThanOrEqual(
      CONNECTION.maxRetries * retryAfterSeconds,
    );
    recordFigure({
      property: 'stalwart.rate-limited',
      measure: `${engine}: requests Stalwart received for one drift read (${drift.pods} pods, maxRetries ${CONNECTION.maxRetries})`,
      value: attempts,
      bound: `= pods x (maxRetries + 1) = ${drift.pods * ATTEMPTS_PER_READ}`,
    });
    recordFigure({
      property: 'stalwart.rate-limited',
      measure: `${engine}: seconds until the drift answer with Retry-After: ${retryAfterSeconds}`,
      value: drift.seconds,
      unit: 's',
      bound: `>= maxRetries x Retry-After = ${
        CONNECTION.maxRetries * retryAfterSeconds
      } s`,
    });
  });

  it('names a timeout when Stalwart is slow, and the backend answers other requests meanwhile', async () => {
    inject({ answer: 'slow', delayMs: 20_000 });
    let driftAnswered = false;
    const drift = driftUnderFault(engine, {
      reason: 'timeout',
      message: new RegExp(
        `did not answer GET /api/\\S+ within ${
          CONNECTION.requestTimeoutSeconds * 1000
        } ms`,
      ),
    }).finally(() => {
      driftAnswered = true;
    });
    const status = await stack.status(ENGINES[engine].entity);
    expect(status.status).toBe(200);
    expect(driftAnswered).toBe(false);

    const { seconds, pods } = await drift;
    const attempts = attemptsSent();
    expect(attempts).toBe(pods * ATTEMPTS_PER_READ);
    // Loosely: the attempts' timeouts plus backoff, with a factor 2 for a loaded machine.
    expect(seconds).toBeGreaterThanOrEqual(CONNECTION.requestTimeoutSeconds);
    expect(seconds).toBeLessThan(
      2 * ATTEMPTS_PER_READ * (CONNECTION.requestTimeoutSeconds + 1),
    );
    recordFigure({
      property: 'stalwart.slow',
      measure: `${engine}: seconds until the drift answer (requestTimeout ${CONNECTION.requestTimeoutSeconds} s, maxRetries ${CONNECTION.maxRetries})`,
      value: seconds,
      unit: 's',
      bound: `< 2 x (maxRetries + 1) x (requestTimeout + 1 s)`,
    });
    recordFigure({
      property: 'stalwart.slow',
      measure: `${engine}: seconds the status route took while the drift read waited`,
      value: status.seconds,
      unit: 's',
    });
    recordFigure({
      property: 'stalwart.slow',
      measure: `${engine}: requests Stalwart received for one drift read`,
      value: attempts,
      bound: `= pods x (maxRetries + 1)`,
    });
  });
});

describe('a version mismatch between the image tag and the Stalwart that answers', () => {
  const PODS = { group: '', version: 'v1', plural: 'pods' };

  async function withImage(
    engine: Engine,
    podName: string,
    image: string,
    check: () => Promise<void>,
  ) {
    const { cluster, namespace } = ENGINES[engine];
    const simulated = stack.simulator.control.cluster(cluster);
    const type = simulated.registry.find(
      PODS.group,
      PODS.version,
      PODS.plural,
    )!;
    const original = structuredClone(
      simulated.store.get(type, namespace, podName),
    );
    const changed = structuredClone(original);
    const container = changed.spec.containers.find((c: any) =>
      String(c.image).includes('stalwart'),
    );
    container.image = image;
    for (const status of changed.status?.containerStatuses ?? []) {
      if (String(status.image).includes('stalwart')) status.image = image;
    }
    delete changed.metadata.resourceVersion;
    stack.simulator.control.apply(cluster, changed);
    try {
      await check();
    } finally {
      delete original.metadata.resourceVersion;
      stack.simulator.control.apply(cluster, original);
    }
  }

  async function mismatchIsNamed(
    engine: Engine,
    podName: string,
    image: string,
  ) {
    await withImage(engine, podName, image, async () => {
      const started = Date.now();
      const drift = await waitFor(
        `the drift of ${engine} to see ${podName} as ${image}`,
        async () => {
          const answer = await stack.drift(ENGINES[engine].entity);
          return answer.body.errors?.some(e => e.pod === podName)
            ? answer
            : undefined;
        },
        { timeoutMs: 30_000, intervalMs: 300 },
      );
      expect(drift.status).toBe(200);
      expect(drift.body.engine).toBe(engine);
      const error = drift.body.errors.find(e => e.pod === podName)!;
      expect(error.reason).toBe('unsupported-version');
      expect(error.message).toMatch(/v0\.1[56]/);
      expect(drift.body.pods.find(p => p.name === podName)?.read).toBe(false);
      recordFigure({
        property: 'stalwart.version-mismatch',
        measure: `${engine} instance, one pod tagged ${
          image.split(':')[1]
        }: what the drift view says`,
        value: `${error.reason}: ${error.message.replace(/ \(pod .*\)$/, '')}`,
      });
      recordFigure({
        property: 'stalwart.version-mismatch',
        measure: `${engine} instance: seconds until the drift view named the mismatch (watch included)`,
        value: (Date.now() - started) / 1000,
        unit: 's',
      });
    });
  }

  it('the v0.15 instance with one pod tagged v0.16.0: the engine stays v0.15 and that pod is named unsupported-version', () =>
    mismatchIsNamed(
      'v0.15',
      'stalwart-antigenic-stalwart-helm-chart-0',
      'stalwartlabs/stalwart:v0.16.0',
    ));

  it('the v0.16 instance with one pod tagged v0.15.5: the engine stays v0.16 and that pod is named unsupported-version', () =>
    mismatchIsNamed(
      'v0.16',
      'mail-stalwart-0',
      'stalwartlabs/stalwart:v0.15.5',
    ));
});
