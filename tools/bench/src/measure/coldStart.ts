import type { ViewFunction } from '../backend/entityViews';
import type { FleetInstance } from '../fleet/fleetInstances';
import {
  countsBetween,
  type KubernetesRequestCounts,
} from '../fleet/requestCounter';
import { round } from '../stats';

/** From an empty watch cache to a complete status for every instance of the fleet. */
export interface ColdStartResult {
  /** Seconds until the last instance answered complete, or until it stopped trying. */
  seconds: number;
  complete: number;
  instances: number;
  /** Passes over the instances still incomplete. */
  rounds: number;
  statusRequests: number;
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
 * Asks for every instance's status, `concurrency` at a time as a fleet overview would, and
 * asks again for those not yet complete (the first read of a namespace waits at most the
 * initial sync timeout), until all are complete or `timeoutMs` has passed.
 */
export async function measureColdStart(options: {
  instances: readonly FleetInstance[];
  view: ViewFunction;
  counts: () => Promise<KubernetesRequestCounts>;
  concurrency: number;
  timeoutMs: number;
  /** Checked before each request: a reason to stop now (a resource bound), or nothing. */
  stopReason?: () => string | undefined;
}): Promise<ColdStartResult> {
  const { instances, view, concurrency, timeoutMs } = options;
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
  const ask = async (instance: FleetInstance): Promise<boolean> => {
    tally.statusRequests += 1;
    const outcome = await view(instance);
    if (outcome.ok) tally.answeredInRound += 1;
    if (outcome.complete) {
      tally.lastCompleteAt = performance.now();
      return true;
    }
    if (!outcome.ok) {
      tally.failures += 1;
      tally.firstError ??= outcome.error;
    }
    return false;
  };

  // A pass in which nothing answered 200 will not heal by asking again: stop early.
  while (pending.length > 0 && tally.answeredInRound > 0 && !mustStop()) {
    rounds += 1;
    tally.answeredInRound = 0;
    const stillPending: FleetInstance[] = [];
    await pool(pending, concurrency, async instance => {
      if (mustStop() || !(await ask(instance))) stillPending.push(instance);
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
    failures: tally.failures,
    kubernetesRequests: requests.total,
    kubernetesWatches: requests.watches,
    kubernetesBytes: requests.bytes,
    stoppedEarly,
    ...(stoppedBecause ? { stoppedBecause } : {}),
    ...(tally.firstError ? { firstError: tally.firstError } : {}),
  };
}
