import type {
  BackstageCredentials,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import type { ResourcePermission } from '@backstage/plugin-permission-common';
import type { Request } from 'express';
import type {
  InstanceResolver,
  ResolvedInstance,
} from '../services/InstanceResolver/types';
import { entityRefFromParams } from './entityRefParams';

/**
 * The gate of every read route: the caller (a user or a service), then the instance of
 * `/v1/entities/:namespace/:kind/:name/…` through the one resolver. Only the status route,
 * which every open tab and the fleet page poll, takes the access cache's recent answers.
 */
export async function readInstance(options: {
  httpAuth: HttpAuthService;
  resolver: InstanceResolver;
  request: Request;
  permission: ResourcePermission<'catalog-entity'>;
  deniedMessage: (entityRef: string) => string;
  useAccessCache?: boolean;
}): Promise<{ instance: ResolvedInstance; credentials: BackstageCredentials }> {
  const entityRef = entityRefFromParams(options.request.params);
  const credentials = await options.httpAuth.credentials(options.request, {
    allow: ['user', 'service'],
  });
  const instance = await options.resolver.resolve({
    entityRef,
    credentials,
    permission: options.permission,
    deniedMessage: options.deniedMessage(entityRef),
    fresh: !options.useAccessCache,
  });
  return { instance, credentials };
}
