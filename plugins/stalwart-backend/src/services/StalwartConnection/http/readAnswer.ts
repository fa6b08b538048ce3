import {
  StalwartApiError,
  StalwartErrorReason,
  StalwartTarget,
} from '../errors/StalwartApiError';
import type { PodResponse } from './sendPodRequest';

const REASON_BY_STATUS: Record<number, StalwartErrorReason> = {
  400: 'request-rejected',
  401: 'credentials-rejected',
  403: 'permission-missing',
  404: 'not-found',
  429: 'rate-limited',
};

const WORDS: Partial<Record<StalwartErrorReason, string>> = {
  'request-rejected': 'Stalwart refused the request',
  'credentials-rejected': "Stalwart rejected the backend's credentials",
  'permission-missing': "The backend's credentials lack a Stalwart permission",
  'not-found': 'Stalwart does not serve this resource',
  'rate-limited': 'Stalwart is rate limiting the backend',
  'server-error': 'Stalwart failed to answer',
};

/** Short strings only, so nothing large or structured is echoed to a browser. */
export function pickStrings(
  source: Record<string, unknown>,
  keys: string[],
): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const key of keys) {
    const value = source[key];
    if (typeof value === 'string') picked[key] = value.slice(0, 500);
  }
  return picked;
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * The error for a non-200 answer: problem+json (`type`, `title`, `detail`;
 * stalwart-v015.md §1, and v0.16's REST routes) mapped by status.
 */
export function errorForStatus(
  response: PodResponse,
  target: StalwartTarget,
): StalwartApiError {
  const { status } = response;
  const problem = parseJson(response.body);
  if (status === 200) {
    // HTTP 200 where another answer was due (a redirect): Stalwart's management error
    // (stalwart-v015.md §1, kept by v0.16's REST routes) in its own words, or a body that is
    // not even JSON.
    const tag = (problem as { error?: unknown } | undefined)?.error;
    if (typeof tag === 'string') {
      return new StalwartApiError({
        reason: 'management-error',
        message: `Stalwart answered HTTP 200 with an error instead: ${tag.slice(
          0,
          100,
        )}`,
        target,
        upstreamStatus: 200,
        details: pickStrings(problem as Record<string, unknown>, [
          'error',
          'details',
          'reason',
        ]),
      });
    }
    if (problem === undefined) {
      return new StalwartApiError({
        reason: 'malformed-response',
        message: 'Stalwart answered HTTP 200 with invalid JSON',
        target,
        upstreamStatus: 200,
      });
    }
  }
  const reason =
    REASON_BY_STATUS[status] ??
    (status >= 500 ? 'server-error' : 'malformed-response');
  const details =
    problem && typeof problem === 'object'
      ? pickStrings(problem as Record<string, unknown>, [
          'type',
          'title',
          'detail',
        ])
      : undefined;
  return new StalwartApiError({
    reason,
    message: `${
      WORDS[reason] ?? 'Stalwart answered unexpectedly'
    } (HTTP ${status})`,
    target,
    upstreamStatus: status,
    details,
  });
}

/** The JSON body of a 200 answer; anything else is a typed error. */
export function readJsonAnswer(
  response: PodResponse,
  target: StalwartTarget,
): unknown {
  if (response.status !== 200) throw errorForStatus(response, target);
  const json = parseJson(response.body);
  if (json === undefined) {
    throw new StalwartApiError({
      reason: 'malformed-response',
      message: 'Stalwart answered with invalid JSON',
      target,
      upstreamStatus: 200,
    });
  }
  return json;
}
