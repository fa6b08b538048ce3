import type {
  BackstageCredentials,
  BackstageUserPrincipal,
  HttpAuthService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import type { ResourcePermission } from '@backstage/plugin-permission-common';
import type express from 'express';
import {
  RemediationRateLimitedError,
  type RateLimiter,
} from '../services/RemediationService/RateLimiter';
import { authorizeEntity } from './authorizeEntity';

/**
 * The gate of every route that changes something: a user (never a service), the permission
 * asked as that user, one shared rate limit per user, and a refusal recorded by `auditRefusal`.
 */
export async function guardWrite(options: {
  httpAuth: HttpAuthService;
  permissions: PermissionsService;
  rateLimiter: RateLimiter;
  request: express.Request;
  response: express.Response;
  entityRef: string;
  permission: ResourcePermission<'catalog-entity'>;
  deniedMessage: string;
  auditRefusal(error: Error): Promise<void>;
}): Promise<BackstageCredentials<BackstageUserPrincipal>> {
  const credentials = await options.httpAuth.credentials(options.request, {
    allow: ['user'],
  });
  try {
    await authorizeEntity({
      permissions: options.permissions,
      credentials,
      permission: options.permission,
      entityRef: options.entityRef,
      deniedMessage: options.deniedMessage,
    });
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
