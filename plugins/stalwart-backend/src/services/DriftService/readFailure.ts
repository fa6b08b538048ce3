import type { DriftReadErrorV1 } from '@stalwart-backstage/plugin-stalwart-common';
import type { ReadFailure } from '@stalwart-backstage/plugin-stalwart-node';
import { StalwartApiError } from '../StalwartConnection/errors/StalwartApiError';

/** A failed read as the engines take it: Stalwart's typed errors keep their status and reason. */
export function readFailureOf(
  error: unknown,
): ReadFailure & { reason?: string } {
  if (error instanceof StalwartApiError) {
    return {
      message: error.message,
      ...(error.upstreamStatus ? { statusCode: error.upstreamStatus } : {}),
      reason: error.reason,
    };
  }
  // Anything else is a bug or an unexpected library error: say so without echoing payloads.
  return {
    message: `Unexpected failure: ${
      error instanceof Error ? error.name : 'unknown error'
    }`,
    reason: 'unexpected',
  };
}

/** A read error of the response for a failure the engine did not see (connection, plan). */
export function readErrorOf(
  source: string,
  error: unknown,
  pod?: string,
): DriftReadErrorV1 {
  const failure = readFailureOf(error);
  return {
    ...(pod ? { pod } : {}),
    source,
    ...(failure.statusCode ? { statusCode: failure.statusCode } : {}),
    ...(failure.reason ? { reason: failure.reason } : {}),
    message: failure.message,
  };
}
