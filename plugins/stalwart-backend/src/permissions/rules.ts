import type { Entity } from '@backstage/catalog-model';
import {
  createConditionExports,
  createPermissionResourceRef,
  createPermissionRule,
} from '@backstage/plugin-permission-node';
import { STALWART_INSTANCE_RESOURCE_TYPE } from '@stalwart-backstage/plugin-stalwart-common';
import { z } from 'zod';

/** The catalog-entity filter shape the catalog understands, for `toQuery`. */
/**
 * The catalog filter a Stalwart instance rule turns into (`relations.ownedBy` in the claims).
 *
 * @public
 */
export type EntityFilter = { key: string; values: string[] };

/**
 * Stalwart instances as a permission resource: catalog entities, evaluated by this plugin.
 *
 * @public
 */
export const stalwartInstanceResourceRef = createPermissionResourceRef<
  Entity,
  EntityFilter
>().with({
  pluginId: 'stalwart',
  resourceType: STALWART_INSTANCE_RESOURCE_TYPE,
});

/**
 * Allows an instance to the users and groups that own it (`spec.owner` through the catalog's
 * `ownedBy` relation).
 *
 * @public
 */
export const isInstanceOwner = createPermissionRule({
  name: 'IS_INSTANCE_OWNER',
  description: 'Allow Stalwart instances owned by the given users or groups',
  resourceRef: stalwartInstanceResourceRef,
  paramsSchema: z.object({
    claims: z
      .array(z.string())
      .describe('Entity refs of the user and the groups the user belongs to'),
  }),
  apply: (entity, { claims }) => {
    const owners = new Set(
      claims.map(claim => claim.toLocaleLowerCase('en-US')),
    );
    return (entity.relations ?? []).some(
      relation =>
        relation.type === 'ownedBy' &&
        owners.has(relation.targetRef.toLocaleLowerCase('en-US')),
    );
  },
  toQuery: ({ claims }) => ({ key: 'relations.ownedBy', values: claims }),
});

const conditionExports = createConditionExports({
  resourceRef: stalwartInstanceResourceRef,
  rules: { isInstanceOwner },
});

/**
 * Conditions for permission policies: `stalwartInstanceConditions.isInstanceOwner({claims})`
 * wrapped by `createStalwartInstanceConditionalDecision(permission, …)`.
 *
 * @public
 */
export const stalwartInstanceConditions = conditionExports.conditions;

/**
 * Wraps Stalwart instance conditions into a policy decision for one permission.
 *
 * @public
 */
export const createStalwartInstanceConditionalDecision =
  conditionExports.createConditionalDecision;
