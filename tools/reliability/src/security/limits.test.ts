import http from 'node:http';
import { recordFigure } from '../figures/recordFigure';
import {
  authHeader,
  SecurityBackend,
  startSecurityBackend,
  USERS,
} from './__testUtils__/securityBackend';
import { watchSideEffects } from './__testUtils__/sideEffects';

// One real backend for the file; a cold start takes ~20 s on a loaded machine.
jest.setTimeout(120_000);

const REMEDIATIONS =
  '/api/stalwart/v1/entities/default/component/mail-edge/drift/remediations';
const MAX_BODY_BYTES = 4096;
const CAPACITY = 3;
// Long enough that no token comes back while the test runs (one per 200 s).
const WINDOW_MINUTES = 10;

/** A dry-run body of exactly `bytes` bytes, padded with item ids. */
function bodyOf(bytes: number): string {
  const base = {
    action: 'reset-to-git',
    itemIds: [] as string[],
    dryRun: true,
  };
  const empty = JSON.stringify(base).length;
  const id = (n: number) => `x:SystemSettings/singleton/k${n}`;
  let n = 0;
  // Each id adds its length plus quotes and a comma.
  while (JSON.stringify(base).length + id(n).length + 3 <= bytes) {
    base.itemIds.push(id(n));
    n += 1;
  }
  const text = JSON.stringify(base);
  const pad = bytes - text.length;
  if (pad < 0 || empty > bytes) throw new Error(`no body of ${bytes} bytes`);
  return text.replace('"itemIds"', `${' '.repeat(pad)}"itemIds"`);
}

/** Streams a body without Content-Length (chunked), as a client hiding its size would. */
function postChunked(
  baseUrl: string,
  user: string,
  chunks: string[],
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      `${baseUrl}${REMEDIATIONS}`,
      {
        method: 'POST',
        headers: {
          Authorization: authHeader(user),
          'Content-Type': 'application/json',
          'Transfer-Encoding': 'chunked',
        },
      },
      res => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      },
    );
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe('request limits of the Stalwart backend', () => {
  let backend: SecurityBackend;

  const post = (user: string, body: string) =>
    backend.request(user, REMEDIATIONS, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body,
    });
  const small = () => bodyOf(200);

  beforeAll(async () => {
    backend = await startSecurityBackend({
      stalwart: {
        remediation: {
          maxBodySize: MAX_BODY_BYTES,
          rateLimit: {
            requests: CAPACITY,
            window: { minutes: WINDOW_MINUTES },
          },
        },
      },
    });
    // A second user allowed to reset, to show the limit is per user.
    backend.grants[USERS.reader].add('stalwart.settings.reset');
  });
  afterAll(async () => {
    await backend?.stop();
  });

  it('answers 413 to a remediation body over stalwart.remediation.maxBodySize, before asking or touching anything', async () => {
    // The stranger may not remediate at all: a size refusal must come first and cost nothing.
    const effects = await watchSideEffects(backend.simulator);
    const policyBefore = backend.policyCalls.length;
    const auditsBefore = backend.auditor.createEvent.mock.calls.length;

    const over = await post(USERS.stranger, bodyOf(MAX_BODY_BYTES + 1));
    const wayOver = await post(USERS.stranger, bodyOf(MAX_BODY_BYTES * 16));
    const chunked = await postChunked(backend.baseUrl, USERS.stranger, [
      bodyOf(MAX_BODY_BYTES * 4).slice(0, MAX_BODY_BYTES),
      bodyOf(MAX_BODY_BYTES * 4).slice(MAX_BODY_BYTES),
    ]);

    expect([over.status, wayOver.status, chunked]).toEqual([413, 413, 413]);
    expect(await effects.stop()).toEqual({
      kubernetesWrites: 0,
      stalwartChanged: false,
      stalwartRequests: 0,
    });
    expect(backend.policyCalls.slice(policyBefore)).toEqual([]);
    expect(backend.auditor.createEvent.mock.calls.slice(auditsBefore)).toEqual(
      [],
    );

    recordFigure({
      property: 'security.limits',
      measure: 'remediation bodies over maxBodySize (4096 B) answered 413',
      value: '3 of 3 (+1 B, 16x, chunked without Content-Length)',
      bound: '= all, before any permission check or upstream call',
    });
  });

  it('accepts a body of exactly stalwart.remediation.maxBodySize', async () => {
    const res = await post(USERS.operator, bodyOf(MAX_BODY_BYTES));
    // Parsed and planned: the ids are unknown to the drift, so they are skipped, not refused.
    expect(res.status).toBe(200);
    recordFigure({
      property: 'security.limits',
      measure: 'largest remediation body accepted',
      value: MAX_BODY_BYTES,
      unit: 'B',
      bound: '= maxBodySize',
    });
  });

  it('answers 429 with Retry-After to the request past a user\u2019s remediation rate, and not to another user', async () => {
    // The operator spent one token on the body-size test above.
    const accepted = [200];
    for (let i = 1; i < CAPACITY; i++)
      accepted.push((await post(USERS.operator, small())).status);
    expect(accepted).toEqual(Array(CAPACITY).fill(200));

    const effects = await watchSideEffects(backend.simulator);
    const auditsBefore = backend.auditor.createEvent.mock.calls.length;
    const limited = await post(USERS.operator, small());
    const body = await limited.json();
    const sideEffects = await effects.stop();

    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    const refill = (WINDOW_MINUTES * 60) / CAPACITY;
    expect(retryAfter).toBeGreaterThan(refill * 0.9);
    expect(retryAfter).toBeLessThanOrEqual(refill);
    expect(body.error).toMatchObject({
      name: 'RemediationRateLimitedError',
      message: `Too many remediation requests: at most ${CAPACITY} per ${
        WINDOW_MINUTES * 60
      } s per user; try again in ${retryAfter} s`,
    });
    expect(sideEffects).toEqual({
      kubernetesWrites: 0,
      stalwartChanged: false,
      stalwartRequests: 0,
    });
    const [refusal] = backend.auditor.createEvent.mock.calls
      .slice(auditsBefore)
      .map(([event]) => event);
    expect(refusal.request?.headers.authorization).toBe(
      authHeader(USERS.operator),
    );
    const event = await backend.auditor.createEvent.mock.results[auditsBefore]
      .value;
    expect(event.fail).toHaveBeenCalledWith({
      error: expect.objectContaining({ name: 'RemediationRateLimitedError' }),
    });

    const other: number[] = [];
    for (let i = 0; i < CAPACITY; i++)
      other.push((await post(USERS.reader, small())).status);
    expect(other).toEqual(Array(CAPACITY).fill(200));
    expect((await post(USERS.reader, small())).status).toBe(429);

    recordFigure({
      property: 'security.limits',
      measure: `remediation requests accepted per user (rate ${CAPACITY} per ${WINDOW_MINUTES} min)`,
      value: CAPACITY,
      bound: `= ${CAPACITY}; the next answered 429`,
    });
    recordFigure({
      property: 'security.limits',
      measure: 'Retry-After on the first refused request',
      value: retryAfter,
      unit: 's',
      bound: `<= window / rate (${refill} s)`,
    });
    recordFigure({
      property: 'security.limits',
      measure:
        'another user\u2019s requests accepted while the first was limited',
      value: `${CAPACITY} of ${CAPACITY}`,
      bound: '= all',
    });
  });
});
