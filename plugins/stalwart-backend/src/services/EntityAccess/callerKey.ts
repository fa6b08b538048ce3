import type { BackstageCredentials } from '@backstage/backend-plugin-api';

/**
 * Who is asking, as a cache key: the user entity ref of a user signed in directly. Anything
 * else (services, whose subject is informational only, and services acting for a user) gets
 * no key, so its answers are never shared or reused.
 */
export function callerKey(
  credentials: BackstageCredentials,
): string | undefined {
  const { principal } = credentials as BackstageCredentials<{
    type: string;
    userEntityRef?: string;
    actor?: unknown;
  }>;
  if (principal.type !== 'user' || principal.actor || !principal.userEntityRef)
    return undefined;
  return `user:${principal.userEntityRef}`;
}
