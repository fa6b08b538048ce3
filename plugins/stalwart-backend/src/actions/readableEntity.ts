import type { BackstageCredentials } from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import { NotAllowedError, NotFoundError } from '@backstage/errors';
import type { ResourcePermission } from '@backstage/plugin-permission-common';
import type { EntityAccessService } from '../services/EntityAccess/types';

/** The entity, if the caller holds `permission` on it; otherwise the error an agent is told. */
export async function readableEntity(options: {
  entityAccess: EntityAccessService;
  credentials: BackstageCredentials;
  permission: ResourcePermission<'catalog-entity'>;
  entityRef: string;
}): Promise<Entity> {
  const access = await options.entityAccess.read(options);
  if (!access.allowed)
    throw new NotAllowedError(
      `You may not use ${options.permission.name} on ${options.entityRef}`,
    );
  if (!access.entity)
    throw new NotFoundError(`No catalog entity ${options.entityRef}`);
  return access.entity;
}
