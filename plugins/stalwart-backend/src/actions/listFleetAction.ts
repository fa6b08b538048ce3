import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import {
  STALWART_ANNOTATIONS,
  stalwartInstanceReadPermission,
} from '@stalwart-backstage/plugin-stalwart-common';
import { resolvedInstanceOf } from '../services/InstanceResolver/instanceFromEntity';
import type { StalwartActionDeps } from './types';

export function registerListFleetAction(deps: StalwartActionDeps) {
  deps.actionsRegistry.register({
    name: 'list-fleet',
    title: 'List the Stalwart mail servers',
    description:
      'Every Stalwart mail server in the catalog the caller can see: its entity, owner, Helm release, namespace, chart, clusters and, where the caller may read it, its verdict.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z => z.object({}),
      output: z =>
        z.object({
          instances: z.array(
            z.object({
              entityRef: z.string(),
              title: z.string().optional(),
              owner: z.string().optional(),
              release: z.string(),
              namespace: z.string(),
              chart: z.string().optional(),
              hostname: z.string().optional(),
              clusters: z.array(z.string()).optional(),
              verdict: z.string().optional(),
            }),
          ),
        }),
    },
    action: async ({ credentials }) => {
      const { items } = await deps.catalog.getEntities(
        {
          filter: {
            [`metadata.annotations.${STALWART_ANNOTATIONS.release}`]:
              CATALOG_FILTER_EXISTS,
          },
        },
        { credentials },
      );
      const instances = await Promise.all(
        items.map(async entity => {
          const resolved = resolvedInstanceOf(entity);
          const { entityRef, location: instance } = resolved;
          const access = await deps.entityAccess.read({
            credentials,
            permission: stalwartInstanceReadPermission,
            entityRef,
          });
          const status =
            access.allowed && access.entity
              ? await deps.statusService.getStatus(resolved)
              : undefined;
          return {
            entityRef,
            title: entity.metadata.title,
            owner: entity.spec?.owner as string | undefined,
            release: instance.release,
            namespace: instance.namespace,
            chart: instance.chart,
            hostname: instance.hostname,
            clusters: instance.clusters,
            verdict: status?.verdict.state,
          };
        }),
      );
      return { output: { instances } };
    },
  });
}
