import path from 'node:path';
import { createSimulator } from '../createSimulator';

const DEMO = path.resolve(__dirname, '../../scenarios/demo');
const HOMELAB = { Authorization: 'Bearer demo-homelab-token' };
const EDGE = { Authorization: 'Bearer demo-edge-token' };

describe('the request counter of the control API', () => {
  const simulator = createSimulator({ scenario: DEMO });
  afterAll(() => simulator.close());
  afterEach(() => {
    simulator.control.clearFaults();
    simulator.control.resetRequestCounts();
  });
  const send = (url: string, headers: Record<string, string>) =>
    simulator.handle(new Request(`http://simulator.local${url}`, { headers }));
  const control = (method: string) =>
    simulator.handle(
      new Request('http://simulator.local/_simulator/requests', { method }),
    );

  it('counts each cluster apart, the root path as the first cluster, and watches separately', async () => {
    await send('/api/v1/pods', HOMELAB);
    await send('/clusters/homelab/api/v1/services', HOMELAB);
    const watch = await send('/clusters/edge/api/v1/pods?watch=true', EDGE);
    await watch.body?.cancel();
    await send('/clusters/edge/apis/apps/v1/statefulsets', EDGE);

    expect(simulator.control.requestCounts()).toMatchObject({
      homelab: { total: 2, watches: 0 },
      edge: { total: 2, watches: 1 },
    });
  });

  it('counts requests refused by an injected fault or a bad token, since the client sent them', async () => {
    simulator.control.addFault({ path: '^/clusters/edge/', status: 500 });
    expect((await send('/clusters/edge/api/v1/pods', EDGE)).status).toBe(500);
    expect(
      (await send('/api/v1/pods', { Authorization: 'Bearer nope' })).status,
    ).toBe(401);

    expect(simulator.control.requestCounts()).toMatchObject({
      homelab: { total: 1, watches: 0 },
      edge: { total: 1, watches: 0 },
    });
  });

  it('counts the bytes of the bodies it sends, as a client receives them', async () => {
    const list = await send('/clusters/edge/api/v1/pods', EDGE);
    const body = await list.text();
    const services = await send('/clusters/edge/api/v1/services', EDGE);
    const more = await services.text();

    expect(simulator.control.requestCounts().edge.bytes).toBe(
      Buffer.byteLength(body) + Buffer.byteLength(more),
    );
  });

  it('answers GET /_simulator/requests with the counts, resets them on DELETE, and does not count itself', async () => {
    await send('/clusters/edge/api/v1/pods?watch=1', EDGE).then(r =>
      r.body?.cancel(),
    );
    const counted = await control('GET');
    expect(await counted.json()).toMatchObject({
      edge: { total: 1, watches: 1 },
    });

    expect((await control('DELETE')).status).toBe(200);
    expect(await (await control('GET')).json()).toEqual({});
  });
});
