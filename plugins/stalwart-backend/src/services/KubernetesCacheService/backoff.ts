/**
 * Exponential backoff with jitter, so that replicas recovering from the same outage do not
 * hit an API server in lockstep.
 */
export function backoffDelay(options: {
  attempt: number;
  baseMs: number;
  maxMs: number;
  random?: () => number;
}): number {
  const { attempt, baseMs, maxMs, random = Math.random } = options;
  const exponential = Math.min(maxMs, baseMs * 2 ** attempt);
  return Math.round(exponential * (0.75 + random() * 0.5));
}

export function sleep(ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms));
}
