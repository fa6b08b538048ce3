import { eachAlone, type ViewFunction } from '../backend/entityViews';
import { generateFleet } from '@stalwart-backstage/simulator';
import { fleetInstances } from '../fleet/fleetInstances';
import { emptyCounts } from '../fleet/requestCounter';
import { measureColdStart } from './coldStart';

const fleet = fleetInstances(generateFleet({ instances: 6, clusters: 2 }));
const counts = async () => emptyCounts();

describe('measureColdStart', () => {
  it('asks again for instances whose first answer was incomplete', async () => {
    const asked = new Map<string, number>();
    const view: ViewFunction = async instance => {
      const times = (asked.get(instance.release) ?? 0) + 1;
      asked.set(instance.release, times);
      // Every other instance needs a second request, as after the initial sync timeout.
      const complete = times > 1 || fleet.indexOf(instance) % 2 === 0;
      return { ms: 1, ok: true, complete };
    };
    const result = await measureColdStart({
      instances: fleet,
      views: eachAlone(view),
      batchSize: 1,
      counts,
      concurrency: 2,
      timeoutMs: 10_000,
    });
    expect(result).toMatchObject({
      complete: 6,
      instances: 6,
      rounds: 2,
      statusRequests: 9,
      failures: 0,
      stoppedEarly: false,
    });
  });

  it('gives up after a pass in which nothing answered, keeping the first error', async () => {
    const result = await measureColdStart({
      instances: fleet,
      views: eachAlone(async () => ({
        ms: 1,
        ok: false,
        complete: false,
        error: 'HTTP 500',
      })),
      batchSize: 1,
      counts,
      concurrency: 3,
      timeoutMs: 10_000,
    });
    expect(result).toMatchObject({
      complete: 0,
      rounds: 1,
      failures: 6,
      stoppedEarly: true,
      firstError: 'HTTP 500',
    });
  });

  it('stops asking when a resource bound is reached, and says why', async () => {
    let requests = 0;
    const result = await measureColdStart({
      instances: fleet,
      views: eachAlone(async () => {
        requests += 1;
        return { ms: 1, ok: true, complete: true };
      }),
      batchSize: 1,
      counts,
      concurrency: 1,
      timeoutMs: 10_000,
      stopReason: () => (requests >= 2 ? 'too big' : undefined),
    });
    expect(result).toMatchObject({
      complete: 2,
      statusRequests: 2,
      stoppedEarly: true,
      stoppedBecause: 'too big',
    });
  });

  it('asks for the fleet in batches, and again only for the instances a batch left incomplete', async () => {
    const batches: string[][] = [];
    const asked = new Set<string>();
    const result = await measureColdStart({
      instances: fleet,
      views: async instances => {
        batches.push(instances.map(i => i.release));
        return instances.map(instance => {
          const again = asked.has(instance.release);
          asked.add(instance.release);
          return { ms: 1, ok: true, complete: again || instance !== fleet[4] };
        });
      },
      batchSize: 4,
      counts,
      concurrency: 2,
      timeoutMs: 10_000,
    });
    expect(batches.map(b => b.length)).toEqual([4, 2, 1]);
    expect(batches[2]).toEqual([fleet[4].release]);
    expect(result).toMatchObject({
      complete: 6,
      rounds: 2,
      statusRequests: 7,
      batchSize: 4,
      stoppedEarly: false,
    });
  });
});
