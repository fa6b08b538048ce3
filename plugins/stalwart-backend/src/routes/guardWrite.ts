import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import type { ResourcePermission } from '@backstage/plugin-permission-common';
import type { Response } from 'express';
import {
  RateLimiter,
  RemediationRateLimitedError,
} from '../services/RemediationService/RateLimiter';
import { authorizeEntity } from './authorizeEntity';

/**
 * The gate of every write route: the permission asked as the caller, then one token of the
 * caller's rate limit. A refusal is audited (who tried what without being allowed to) and
 * rethrown; a rate limit also answers `Retry-After`.
 */
export async function guardWrite(options: {
  permissions: PermissionsService;
  credentials: BackstageCredentials<{ type: 'user'; userEntityRef: string }>;
  permission: ResourcePermission<'catalog-entity'>;
  entityRef: string;
  deniedMessage: string;
  rateLimiter: RateLimiter;
  response: Response;
  auditRefusal: (error: Error) => Promise<void>;
}): Promise<void> {
  try {
    await authorizeEntity(options);
    options.rateLimiter.take(options.credentials.principal.userEntityRef);
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
