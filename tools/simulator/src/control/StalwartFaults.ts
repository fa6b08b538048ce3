import {
  forbidden,
  internalServerError,
  managementError,
  notFound,
  problem,
  unauthorized,
} from '../stalwart/v015/responses';

/**
 * An answer Stalwart itself gives instead of the real one, whichever way the request reached
 * the pod (port-forward, proxy, `podFetch`). Shapes follow ../shared/docs/stalwart-v015.md §1
 * (problem+json errors, HTTP 200 management errors), which v0.16 keeps for its REST routes.
 */
export interface StalwartFaultRule {
  /** A regular expression tested against the path Stalwart sees (`^/api/settings/list`). */
  path: string;
  /** A regular expression tested against the pod name; default: every pod. */
  pod?: string;
  answer:
    | 'unauthorized'
    | 'forbidden'
    | 'notFound'
    | 'tooManyRequests'
    | 'internalServerError'
    | 'managementError'
    | 'malformedJson'
    | 'slow';
  /** `tooManyRequests`: the `Retry-After` header in seconds (absent: no header). */
  retryAfterSeconds?: number;
  /** `managementError`: the body, e.g. `{"error":"notFound","item":"x"}`. */
  error?: Record<string, unknown> & { error: string };
  /** `slow`: how long the real answer is held back. */
  delayMs?: number;
  /** Fire this many times, then stop (default: every matching request). */
  times?: number;
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** The injected Stalwart answers, applied in front of every simulated pod's HTTP handler. */
export class StalwartFaults {
  private rules: Array<{
    rule: StalwartFaultRule;
    path: RegExp;
    pod?: RegExp;
    fired: number;
  }> = [];

  add(rule: StalwartFaultRule): void {
    this.rules.push({
      rule,
      path: new RegExp(rule.path),
      pod: rule.pod ? new RegExp(rule.pod) : undefined,
      fired: 0,
    });
  }

  clear(): void {
    this.rules = [];
  }

  /**
   * Every rule with the requests it answered so far, in the order added: for a rule that
   * always fires, the requests Stalwart received on its path (a client's retries included).
   */
  hits(): Array<{ rule: StalwartFaultRule; fired: number }> {
    return this.rules.map(r => ({ rule: r.rule, fired: r.fired }));
  }

  /** Wraps a pod's handler so matching requests get the injected answer. */
  wrap(
    podName: string,
    handler: (request: Request) => Promise<Response>,
  ): (request: Request) => Promise<Response> {
    return async request => {
      const { pathname } = new URL(request.url);
      const match = this.rules.find(
        r =>
          (r.rule.times === undefined || r.fired < r.rule.times) &&
          r.path.test(pathname) &&
          (!r.pod || r.pod.test(podName)),
      );
      if (!match) return handler(request);
      match.fired += 1;
      return answer(match.rule, () => handler(request));
    };
  }
}

async function answer(
  rule: StalwartFaultRule,
  real: () => Promise<Response>,
): Promise<Response> {
  switch (rule.answer) {
    case 'unauthorized':
      return unauthorized();
    case 'forbidden':
      return forbidden();
    case 'notFound':
      return notFound();
    case 'tooManyRequests':
      return problem(
        429,
        'Too Many Requests',
        'Your request has been rate limited. Please try again in a few seconds.',
        rule.retryAfterSeconds === undefined
          ? {}
          : { 'Retry-After': String(rule.retryAfterSeconds) },
      );
    case 'internalServerError':
      return internalServerError();
    case 'managementError':
      return managementError(
        rule.error ?? {
          error: 'other',
          details: 'Injected failure',
          reason: 'injected by the simulator control API',
        },
      );
    case 'malformedJson':
      return new Response('{"data":{"total":3,"items":{"server.hostname":', {
        headers: { 'Content-Type': 'application/json' },
      });
    case 'slow':
      await sleep(rule.delayMs ?? 30_000);
      return real();
    default:
      throw new Error(`unknown Stalwart fault answer ${String(rule.answer)}`);
  }
}
