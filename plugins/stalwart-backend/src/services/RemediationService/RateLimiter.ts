import { CustomErrorBase } from '@backstage/errors';

/**
 * Too many remediation requests from one user. A `statusCode` field is how the Backstage error
 * middleware answers 429, which @backstage/errors has no class for.
 */
export class RemediationRateLimitedError extends CustomErrorBase {
  name = 'RemediationRateLimitedError' as const;
  readonly statusCode = 429;
  constructor(message: string, readonly retryAfterSeconds: number) {
    super(message);
  }
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * A token bucket per user, in memory: `capacity` requests at once, refilled evenly over
 * `windowMs`. Per backend instance, which is enough to stop a runaway script or a stuck button
 * from hammering Stalwart and the API server; it is not a quota.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly refillPerMs: number;

  constructor(
    private readonly options: {
      capacity: number;
      windowMs: number;
      /** What is limited, for the refusal: `Too many <what> requests`. */
      what?: string;
      now?: () => number;
    },
  ) {
    this.refillPerMs = options.capacity / options.windowMs;
  }

  /** Takes one token for `key`, or throws {@link RemediationRateLimitedError}. */
  take(key: string): void {
    const now = (this.options.now ?? Date.now)();
    const { capacity } = this.options;
    const bucket = this.buckets.get(key) ?? {
      tokens: capacity,
      updatedAt: now,
    };
    bucket.tokens = Math.min(
      capacity,
      bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs,
    );
    bucket.updatedAt = now;
    if (bucket.tokens < 1) {
      this.buckets.set(key, bucket);
      const waitSeconds = Math.ceil(
        (1 - bucket.tokens) / this.refillPerMs / 1000,
      );
      throw new RemediationRateLimitedError(
        `Too many ${
          this.options.what ?? 'remediation'
        } requests: at most ${capacity} per ${Math.round(
          this.options.windowMs / 1000,
        )} s per user; try again in ${waitSeconds} s`,
        waitSeconds,
      );
    }
    bucket.tokens -= 1;
    this.buckets.set(key, bucket);
    this.forgetFullBuckets(now);
  }

  // Full buckets carry no state; dropping them keeps memory bounded by active users.
  private forgetFullBuckets(now: number) {
    if (this.buckets.size < 1000) return;
    for (const [key, bucket] of this.buckets) {
      const tokens =
        bucket.tokens + (now - bucket.updatedAt) * this.refillPerMs;
      if (tokens >= this.options.capacity) this.buckets.delete(key);
    }
  }
}
