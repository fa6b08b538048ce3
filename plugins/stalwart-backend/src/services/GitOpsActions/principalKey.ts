import type { BackstageCredentials } from '@backstage/backend-plugin-api';

/** Who is acting, for rate limits and Argo CD's `initiatedBy`: the user, else the service. */
export function principalKey(credentials: BackstageCredentials): string {
  const principal = credentials.principal as {
    userEntityRef?: string;
    subject?: string;
  };
  return principal.userEntityRef ?? principal.subject ?? 'unknown';
}
