import type { PermissionsService } from '@backstage/backend-plugin-api';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import { AuthorizeResult } from '@backstage/plugin-permission-common';
import type { EntityAccessService } from '../EntityAccess/types';
import { instanceFromEntity } from './instanceFromEntity';
import type {
  InstanceResolveRequest,
  InstanceResolver,
  ResolvedInstance,
} from './types';

export function createInstanceResolver(options: {
  entityAccess: EntityAccessService;
  permissions: PermissionsService;
  catalog: CatalogService;
}): InstanceResolver {
  const { entityAccess, permissions, catalog } = options;

  async function freshEntity(request: InstanceResolveRequest) {
    const { permission, entityRef, credentials } = request;
    const [decision] = await permissions.authorize(
      [{ permission, resourceRef: entityRef }],
      { credentials },
    );
    if (decision.result !== AuthorizeResult.ALLOW) return { allowed: false };
    const entity = await catalog.getEntityByRef(entityRef, { credentials });
    return { allowed: true, entity };
  }

  return {
    async resolve(request): Promise<ResolvedInstance> {
      const { entityRef } = request;
      const access = request.fresh
        ? await freshEntity(request)
        : await entityAccess.read(request);
      if (!access.allowed) throw new NotAllowedError(request.deniedMessage);
      if (!access.entity)
        throw new NotFoundError(`No catalog entity ${entityRef}`);
      return {
        entityRef,
        entity: access.entity,
        location: instanceFromEntity(access.entity, entityRef),
      };
    },
  };
}
