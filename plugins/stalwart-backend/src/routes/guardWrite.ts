import type {
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import type { ResourcePermission } from '@backstage/plugin-permission-common';
import type { Request, Response } from 'express';
import {
  RateLimiter,
  RemediationRateLimitedError,
} from '../services/RemediationService/RateLimiter';
import { authorizeEntity } from './authorizeEntity';

/**
 * The gate of every write route: a user (never a service), the permission asked as that user,
 * then one token of the user's rate limit. A refusal is audited (who tried what without being
 * allowed to) and rethrown; a rate limit also answers `Retry-After`. Answers the credentials.
 */
export async function guardWrite(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  request: Request;
  permission: ResourcePermission<'catalog-entity'>;
  entityRef: string;
  deniedMessage: string;
  rateLimiter: RateLimiter;
  response: Response;
  auditRefusal: (error: Error) => Promise<void>;
}): Promise<BackstageCredentials<BackstageUserPrincipal>> {
  const credentials = await options.httpAuth.credentials(options.request, {
    allow: ['user'],
  });
  try {
    await authorizeEntity({ ...options, credentials });
    options.rateLimiter.take(credentials.principal.userEntityRef);
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
  return credentials;
}
