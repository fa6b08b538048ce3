import { stalwartInstanceReadPermission } from '@stalwart-backstage/plugin-stalwart-common';
import { normalizeEntityRef } from './entityRefInput';
import type { StalwartActionDeps } from './types';

export function registerGetInstanceStatusAction(deps: StalwartActionDeps) {
  deps.actionsRegistry.register({
    name: 'get-instance-status',
    title: 'Get a Stalwart mail server status',
    description:
      'The verdict (healthy, warning, critical, unknown) of a Stalwart mail server catalog entity with its reasons, and per cluster its workload, pods, certificate, exposure and GitOps state.',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe('The instance entity, e.g. component:default/mail-edge'),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          verdict: z.object({
            state: z.enum(['healthy', 'warning', 'critical', 'unknown']),
            reasons: z.array(
              z.object({
                code: z.string(),
                severity: z.string(),
                message: z.string(),
                cluster: z.string().optional(),
              }),
            ),
          }),
          clusters: z.array(z.record(z.string(), z.unknown())),
          fetchedAt: z.string(),
        }),
    },
    action: async ({ input, credentials }) => {
      const entityRef = normalizeEntityRef(input.entityRef);
      const instance = await deps.resolver.resolve({
        entityRef,
        credentials,
        permission: stalwartInstanceReadPermission,
        deniedMessage: `You may not use ${stalwartInstanceReadPermission.name} on ${entityRef}`,
      });
      const status = await deps.statusService.getStatus(instance);
      return {
        output: {
          entityRef,
          verdict: status.verdict,
          clusters: status.clusters as unknown as Record<string, unknown>[],
          fetchedAt: status.fetchedAt,
        },
      };
    },
  });
}
