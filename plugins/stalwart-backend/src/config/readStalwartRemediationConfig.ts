import { Config, readDurationFromConfig } from '@backstage/config';
import { durationToMilliseconds } from '@backstage/types';

/** Limits on the drift remediation route, read once at startup. */
export interface StalwartRemediationConfig {
  /** Remediation requests (dry runs included) one user may send per `rateLimitWindowMs`. */
  rateLimitRequests: number;
  rateLimitWindowMs: number;
  /** The largest JSON body the remediation route accepts, in bytes. */
  maxBodyBytes: number;
}

const SIZE = /^(\d+)\s*(b|kb|mb)?$/i;
const UNIT_BYTES: Record<string, number> = { b: 1, kb: 1024, mb: 1024 * 1024 };

function readBytes(value: string | number, at: string): number {
  const match = String(value).trim().match(SIZE);
  const bytes = match
    ? Number(match[1]) * UNIT_BYTES[(match[2] ?? 'b').toLowerCase()]
    : NaN;
  if (!Number.isSafeInteger(bytes) || bytes < 256 || bytes > 1024 * 1024)
    throw new Error(
      `${at} must be a size between 256 b and 1 mb such as "16kb", not "${value}"`,
    );
  return bytes;
}

/** Reads `stalwart.remediation`. */
export function readStalwartRemediationConfig(
  config: Config,
): StalwartRemediationConfig {
  const remediation = config.getOptionalConfig('stalwart.remediation');
  const rateLimit = remediation?.getOptionalConfig('rateLimit');
  const requests = rateLimit?.getOptionalNumber('requests') ?? 10;
  if (!Number.isInteger(requests) || requests < 1)
    throw new Error(
      `stalwart.remediation.rateLimit.requests must be a whole number of at least 1, not ${requests}`,
    );
  const windowMs = rateLimit?.has('window')
    ? durationToMilliseconds(
        readDurationFromConfig(rateLimit, { key: 'window' }),
      )
    : 60_000;
  if (windowMs < 1000)
    throw new Error(
      'stalwart.remediation.rateLimit.window must be at least 1 second',
    );
  const size = remediation?.getOptional<string | number>('maxBodySize');
  return {
    rateLimitRequests: requests,
    rateLimitWindowMs: windowMs,
    maxBodyBytes:
      size === undefined
        ? 16 * 1024
        : readBytes(size, 'stalwart.remediation.maxBodySize'),
  };
}
