import { CustomErrorBase } from '@backstage/errors';

/**
 * Why a call to a Stalwart pod failed, as a stable code the UI can explain. The first group is
 * about reaching the pod, the second about what Stalwart answered.
 */
export type StalwartErrorReason =
  /** The cluster's API server could not be reached, or failed the upgrade with 5xx. */
  | 'cluster-unreachable'
  /** The API server refused pods/portforward to the backend's service account (401/403). */
  | 'port-forward-forbidden'
  /** The pod is gone or not running, nothing listens on the port, or the stream broke. */
  | 'pod-unreachable'
  /** No credentials are configured, or their Secret or key cannot be read. */
  | 'credentials-unavailable'
  /** Stalwart answered 401: the credentials are wrong or revoked. */
  | 'credentials-rejected'
  /** Stalwart answered 403: the credentials lack a permission. */
  | 'permission-missing'
  /** Stalwart answered 404. */
  | 'not-found'
  /** Stalwart answered 429 on every attempt, or asked to wait longer than allowed. */
  | 'rate-limited'
  /** Stalwart answered 5xx. */
  | 'server-error'
  /** Stalwart refused the request itself (400, or a JMAP request-level problem). */
  | 'request-rejected'
  /** v0.15: HTTP 200 with an `error` tag instead of `data`. */
  | 'management-error'
  /** v0.16: a JMAP method answered `error`. */
  | 'method-error'
  /** The answer is not JSON, or not the documented shape. */
  | 'malformed-response'
  /** No complete answer within the request timeout. */
  | 'timeout'
  /** The pod's version cannot be confirmed for the engine its image tag implies. */
  | 'unsupported-version';

/** Which pod a failure concerns (never a URL or a credential). */
export interface StalwartTarget {
  cluster: string;
  namespace: string;
  pod: string;
}

// What a Backstage route answers if it lets the error through: the fault is upstream, never the caller's.
const STATUS_FOR: Partial<Record<StalwartErrorReason, number>> = {
  'cluster-unreachable': 503,
  'pod-unreachable': 503,
  'rate-limited': 503,
  timeout: 504,
};

/**
 * A failed call to Stalwart. Its own enumerable fields survive `serializeError`, so a route
 * that returns it shows `reason`, `target`, `upstreamStatus`, `retryAfterSeconds` and
 * `details`; none of them ever holds a credential or a settings value.
 */
export class StalwartApiError extends CustomErrorBase {
  name = 'StalwartApiError' as const;
  readonly reason: StalwartErrorReason;
  /** The HTTP status a Backstage route should answer with (502, 503 or 504). */
  readonly statusCode: number;
  readonly target?: StalwartTarget;
  /** The status Stalwart or the API server answered with, if any. */
  readonly upstreamStatus?: number;
  readonly retryAfterSeconds?: number;
  /** Stalwart's own words: a problem's title and detail, an error tag, a JMAP error type. */
  readonly details?: Record<string, string>;

  constructor(options: {
    reason: StalwartErrorReason;
    message: string;
    target?: StalwartTarget;
    upstreamStatus?: number;
    retryAfterSeconds?: number;
    details?: Record<string, string>;
    cause?: unknown;
  }) {
    const where = options.target
      ? ` (pod ${options.target.namespace}/${options.target.pod} in cluster ${options.target.cluster})`
      : '';
    super(`${options.message}${where}`, options.cause);
    this.reason = options.reason;
    this.statusCode = STATUS_FOR[options.reason] ?? 502;
    this.target = options.target;
    this.upstreamStatus = options.upstreamStatus;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.details = options.details;
  }
}

const TRANSIENT: StalwartErrorReason[] = [
  'cluster-unreachable',
  'pod-unreachable',
  'timeout',
  'server-error',
];

/** Whether the same request may succeed later: a broken stream or a 5xx, not a 4xx refusal. */
export function isTransient(error: unknown): boolean {
  return (
    error instanceof StalwartApiError &&
    TRANSIENT.includes(error.reason) &&
    !(error.upstreamStatus && error.upstreamStatus < 500)
  );
}
