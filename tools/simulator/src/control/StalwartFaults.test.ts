import path from 'node:path';
import { createSimulator } from '../createSimulator';
import { handleControlRequest } from './handleControlRequest';

// Shapes from ../shared/docs/stalwart-v015.md §1 "Response envelope and errors".
const DEMO = path.resolve(__dirname, '../../scenarios/demo');
const POD = (i: number) => `stalwart-antigenic-stalwart-helm-chart-${i}`;
const ADMIN = `Basic ${Buffer.from('admin:demo-admin-secret').toString(
  'base64',
)}`;

describe('Stalwart faults injected through the control API', () => {
  const simulator = createSimulator({ scenario: DEMO });
  afterAll(() => simulator.close());
  afterEach(() => simulator.control.clearFaults());
  const list = (pod: number) =>
    simulator.control.podFetch(
      'homelab',
      'stalwart',
      POD(pod),
    )('/api/settings/list?prefix=cluster', {
      headers: { Authorization: ADMIN },
    });
  const inject = (rule: object) =>
    handleControlRequest(
      simulator.control,
      new Request('http://sim/_simulator/stalwart-faults', {
        method: 'POST',
        body: JSON.stringify(rule),
      }),
      '/stalwart-faults',
    );

  it('answers 429 problem+json with Retry-After, only on the matching pod and only as many times as asked', async () => {
    const injected = await inject({
      path: '^/api/settings/list$',
      pod: '-1$',
      answer: 'tooManyRequests',
      retryAfterSeconds: 2,
      times: 1,
    });
    expect(injected.status).toBe(200);
    const limited = await list(1);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('content-type')).toBe(
      'application/problem+json',
    );
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(await limited.json()).toMatchObject({
      type: 'about:blank',
      status: 429,
    });
    expect((await list(0)).status).toBe(200);
    expect((await list(1)).status).toBe(200);
  });

  it('answers management errors with HTTP 200 and an `error` tag', async () => {
    await inject({
      path: '^/api/settings',
      answer: 'managementError',
      error: { error: 'notFound', item: 'queue.route.x' },
    });
    const response = await list(0);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      error: 'notFound',
      item: 'queue.route.x',
    });
  });

  it('serves truncated JSON for malformedJson and holds the real answer back for slow', async () => {
    simulator.control.addStalwartFault({
      path: 'list',
      answer: 'malformedJson',
      times: 1,
    });
    await expect((await list(0)).json()).rejects.toThrow();
    simulator.control.addStalwartFault({
      path: 'list',
      answer: 'slow',
      delayMs: 150,
    });
    const started = Date.now();
    const slow = await list(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect((await slow.json()).data.items['node-id']).toBe('0');
  });

  it('counts the requests each rule answered, so a client\u2019s retries can be told', async () => {
    simulator.control.addStalwartFault({
      path: '^/api/settings/list$',
      pod: '-0$',
      answer: 'tooManyRequests',
    });
    simulator.control.addStalwartFault({
      path: '^/api/settings/list$',
      answer: 'forbidden',
      times: 1,
    });
    await list(0);
    await list(0);
    await list(1);
    await list(1);
    expect(
      simulator.control.stalwartFaultHits().map(h => [h.rule.answer, h.fired]),
    ).toEqual([
      ['tooManyRequests', 2],
      ['forbidden', 1],
    ]);
  });

  it('clears Stalwart faults with DELETE /_simulator/stalwart-faults', async () => {
    simulator.control.addStalwartFault({
      path: '.',
      answer: 'internalServerError',
    });
    expect((await list(0)).status).toBe(500);
    await handleControlRequest(
      simulator.control,
      new Request('http://sim/_simulator/stalwart-faults', {
        method: 'DELETE',
      }),
      '/stalwart-faults',
    );
    expect((await list(0)).status).toBe(200);
  });
});
