import type { BatchViewFunction } from '../backend/entityViews';
import type { FleetInstance } from '../fleet/fleetInstances';
import {
  countsBetween,
  type KubernetesRequestCounts,
} from '../fleet/requestCounter';
import { round } from '../stats';
import { STATUS_BATCH_MAX_ENTITIES } from '@stalwart-backstage/plugin-stalwart-common';

/** From an empty watch cache to a complete status for every instance of the fleet. */
export interface ColdStartResult {
  /** Seconds until the last instance answered complete, or until it stopped trying. */
  seconds: number;
  complete: number;
  instances: number;
  /** Passes over the instances still incomplete. */
  rounds: number;
  /** Instances asked for, counting each pass (a batch asks for several in one request). */
  statusRequests: number;
  /** Instances per status request (1: one request per instance; absent in runs from before). */
  batchSize?: number;
  failures: number;
  kubernetesRequests: number;
  kubernetesWatches: number;
  /** Response bytes the API servers sent meanwhile (absent in runs from before it). */
  kubernetesBytes?: number;
  stoppedEarly: boolean;
  /** CPU each process spent warming the cache: where the cold start's time goes. */
  backendCpuSeconds?: number;
  simulatorCpuSeconds?: number;
  /** Why the warm-up stopped before every instance was complete, besides the time bound. */
  stoppedBecause?: string;
  firstError?: string;
}

const RETRY_PAUSE_MS = 500;

/**
 * How the fleet page asks for a cold fleet: its client batches the reads it makes at once into
 * `POST /v1/statuses` of up to 100 instances, and a browser keeps at most 6 requests in
 * flight to one host over HTTP/1.1.
 */
export const FLEET_PAGE_COLD_START = {
  batchSize: STATUS_BATCH_MAX_ENTITIES,
  concurrency: 6,
};

const chunks = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );

/** Runs `task` over `items` with at most `concurrency` in flight. */
async function pool<T>(
  items: readonly T[],
  concurrency: number,
  task: (item: T) => Promise<void>,
) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/**
 * Asks for every instance's status as a fleet overview does, `batchSize` instances per request
 * and `concurrency` requests at a time, and asks again for those not yet complete (the first
 * read of a namespace waits at most the initial sync timeout), until all are complete or
 * `timeoutMs` has passed.
 */
export async function measureColdStart(options: {
  instances: readonly FleetInstance[];
  views: BatchViewFunction;
  batchSize: number;
  counts: () => Promise<KubernetesRequestCounts>;
  concurrency: number;
  timeoutMs: number;
  /** Checked before each request: a reason to stop now (a resource bound), or nothing. */
  stopReason?: () => string | undefined;
}): Promise<ColdStartResult> {
  const { instances, views, batchSize, concurrency, timeoutMs } = options;
  const before = await options.counts();
  const started = performance.now();
  const deadline = started + timeoutMs;
  let stoppedBecause: string | undefined;
  const mustStop = () => {
    stoppedBecause ??= options.stopReason?.();
    return stoppedBecause !== undefined || performance.now() >= deadline;
  };
  let pending = [...instances];
  let rounds = 0;
  const tally = {
    statusRequests: 0,
    failures: 0,
    answeredInRound: 1,
    lastCompleteAt: started,
    firstError: undefined as string | undefined,
  };
  /** The instances of `batch` still incomplete after asking for them. */
  const ask = async (batch: FleetInstance[]): Promise<FleetInstance[]> => {
    tally.statusRequests += batch.length;
    const outcomes = await views(batch);
    return batch.filter((_, i) => {
      const outcome = outcomes[i];
      if (outcome.ok) tally.answeredInRound += 1;
      if (outcome.complete) {
        tally.lastCompleteAt = performance.now();
        return false;
      }
      if (!outcome.ok) {
        tally.failures += 1;
        tally.firstError ??= outcome.error;
      }
      return true;
    });
  };

  // A pass in which nothing answered 200 will not heal by asking again: stop early.
  while (pending.length > 0 && tally.answeredInRound > 0 && !mustStop()) {
    rounds += 1;
    tally.answeredInRound = 0;
    const stillPending: FleetInstance[] = [];
    await pool(chunks(pending, batchSize), concurrency, async batch => {
      stillPending.push(...(mustStop() ? batch : await ask(batch)));
    });
    pending = stillPending;
    if (pending.length > 0) {
      await new Promise(r => setTimeout(r, RETRY_PAUSE_MS));
    }
  }
  const requests = countsBetween(before, await options.counts());
  const stoppedEarly = pending.length > 0;
  return {
    seconds: round(
      ((stoppedEarly ? performance.now() : tally.lastCompleteAt) - started) /
        1000,
      2,
    ),
    complete: instances.length - pending.length,
    instances: instances.length,
    rounds,
    statusRequests: tally.statusRequests,
    batchSize,
    failures: tally.failures,
    kubernetesRequests: requests.total,
    kubernetesWatches: requests.watches,
    kubernetesBytes: requests.bytes,
    stoppedEarly,
    ...(stoppedBecause ? { stoppedBecause } : {}),
    ...(tally.firstError ? { firstError: tally.firstError } : {}),
  };
}
