import type {
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import type { ResourcePermission } from '@backstage/plugin-permission-common';
import type { Request, Response } from 'express';
import type {
  InstanceResolver,
  ResolvedInstance,
} from '../services/InstanceResolver/types';
import {
  RateLimiter,
  RemediationRateLimitedError,
} from '../services/RemediationService/RateLimiter';

/**
 * The gate of every write route: a user (never a service), the instance resolved with the
 * permission asked afresh as that user, then one token of the user's rate limit. A refusal is
 * audited (who tried what without being allowed to) and rethrown; a rate limit also answers
 * `Retry-After`.
 */
export async function guardWrite(options: {
  httpAuth: HttpAuthService;
  resolver: InstanceResolver;
  request: Request;
  permission: ResourcePermission<'catalog-entity'>;
  entityRef: string;
  deniedMessage: string;
  rateLimiter: RateLimiter;
  response: Response;
  auditRefusal: (error: Error) => Promise<void>;
}): Promise<{
  instance: ResolvedInstance;
  credentials: BackstageCredentials<BackstageUserPrincipal>;
}> {
  const credentials = await options.httpAuth.credentials(options.request, {
    allow: ['user'],
  });
  try {
    const instance = await options.resolver.resolve({
      entityRef: options.entityRef,
      credentials,
      permission: options.permission,
      deniedMessage: options.deniedMessage,
      fresh: true,
    });
    options.rateLimiter.take(credentials.principal.userEntityRef);
    return { instance, credentials };
  } catch (error) {
    if (error instanceof RemediationRateLimitedError)
      options.response.setHeader(
        'Retry-After',
        String(error.retryAfterSeconds),
      );
    if (
      error instanceof NotAllowedError ||
      error instanceof RemediationRateLimitedError
    )
      await options.auditRefusal(error);
    throw error;
  }
}
