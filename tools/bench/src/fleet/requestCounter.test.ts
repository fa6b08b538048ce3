import { getResponse } from 'msw';
import { createSimulator, generateFleet } from '@stalwart-backstage/simulator';
import { countsBetween, createRequestCounter } from './requestCounter';

describe('the request counter in front of the simulator', () => {
  const simulator = createSimulator({
    scenario: generateFleet({ instances: 3, clusters: 3 }),
  });
  afterAll(() => simulator.close());

  const counter = createRequestCounter(simulator.clusters[0].name);
  const handlers = [counter.handler, ...simulator.handlers];
  const get = (url: string) =>
    getResponse(
      handlers,
      new Request(url, {
        headers: {
          authorization: `Bearer ${
            simulator.clusters.find(c => url.startsWith(c.url))?.token ??
            simulator.clusters[0].token
          }`,
        },
      }),
    );

  it('lets the simulator answer and counts the request against its cluster', async () => {
    const before = counter.snapshot();
    const cluster = simulator.clusters[1];
    const response = await get(`${cluster.url}/api/v1/pods`);
    expect(response?.status).toBe(200);
    const list = await response!.json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(countsBetween(before, counter.snapshot())).toEqual({
      total: 1,
      watches: 0,
      byCluster: { [cluster.name]: 1 },
    });
  });

  it('counts watches apart, and the root path as the first cluster', async () => {
    const before = counter.snapshot();
    const response = await get(
      'http://simulator.local/api/v1/pods?watch=true&timeoutSeconds=1',
    );
    expect(response?.status).toBe(200);
    await response!.body?.cancel();
    expect(countsBetween(before, counter.snapshot())).toEqual({
      total: 1,
      watches: 1,
      byCluster: { [simulator.clusters[0].name]: 1 },
    });
  });

  it('does not count the control API', async () => {
    const before = counter.snapshot();
    const response = await getResponse(
      handlers,
      new Request('http://simulator.local/_simulator/latency', {
        method: 'POST',
        body: JSON.stringify({ ms: 0 }),
      }),
    );
    expect(response?.status).toBe(200);
    expect(countsBetween(before, counter.snapshot()).total).toBe(0);
  });
});
