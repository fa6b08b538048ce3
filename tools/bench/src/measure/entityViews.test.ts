import { generateFleet } from '@stalwart-backstage/simulator';
import type { ViewFunction } from '../backend/entityViews';
import { fleetInstances } from '../fleet/fleetInstances';
import { emptyCounts } from '../fleet/requestCounter';
import { measureEntityViews } from './entityViews';

describe('measureEntityViews', () => {
  const fleet = fleetInstances(generateFleet({ instances: 4, clusters: 2 }));

  it('charges each view with the Kubernetes requests made while it ran, and alternates the order', async () => {
    let total = 0;
    const order: string[] = [];
    const view =
      (name: string, requests: number, ms: number): ViewFunction =>
      async () => {
        order.push(name);
        total += requests;
        return { ms, ok: true, complete: true };
      };
    const result = await measureEntityViews({
      sample: fleet.slice(0, 2),
      views: 4,
      plugins: { fast: view('fast', 0, 2), slow: view('slow', 42, 100) },
      counts: async () => ({ ...emptyCounts(), total }),
    });
    expect(result.fast).toMatchObject({
      views: 4,
      medianMs: 2,
      kubernetesRequestsPerView: 0,
    });
    expect(result.slow).toMatchObject({
      views: 4,
      medianMs: 100,
      kubernetesRequestsPerView: 42,
      maxKubernetesRequestsPerView: 42,
    });
    // Two warm-up rounds, then fast/slow, slow/fast, …
    expect(order.slice(4)).toEqual([
      'fast',
      'slow',
      'slow',
      'fast',
      'fast',
      'slow',
      'slow',
      'fast',
    ]);
  });

  it('keeps failed views out of the latency and counts incomplete answers', async () => {
    let call = 0;
    const result = await measureEntityViews({
      sample: fleet,
      views: 4,
      plugins: {
        flaky: async () => {
          call += 1;
          if (call === 5)
            return { ms: 1, ok: false, complete: false, error: 'boom' };
          return { ms: 10, ok: true, complete: call !== 6 };
        },
      },
      counts: async () => emptyCounts(),
    });
    expect(result.flaky).toMatchObject({
      failures: 1,
      incomplete: 1,
      medianMs: 10,
      firstError: 'boom',
    });
  });
});
