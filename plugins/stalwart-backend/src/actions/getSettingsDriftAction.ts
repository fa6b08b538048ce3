import { stalwartSettingsReadPermission } from '@stalwart-backstage/plugin-stalwart-common';
import { normalizeEntityRef } from './entityRefInput';
import type { StalwartActionDeps } from './types';

export function registerGetSettingsDriftAction(deps: StalwartActionDeps) {
  deps.actionsRegistry.register({
    name: 'get-settings-drift',
    title: 'Get the settings drift of a Stalwart mail server',
    description:
      'Where the running Stalwart differs from what git declares: each drifted setting with its class and explanation. Secret values are never included (masked: true).',
    attributes: { readOnly: true, idempotent: true, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe('The instance entity, e.g. component:default/stalwart'),
          cluster: z
            .string()
            .optional()
            .describe(
              'One of the entity clusters; default the first with pods',
            ),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          cluster: z.string(),
          engine: z.string(),
          counts: z.record(z.string(), z.number()),
          drifted: z.array(
            z.object({
              id: z.string(),
              class: z.string(),
              explanation: z.string().optional(),
              declared: z.string().optional(),
              live: z.string().optional(),
              masked: z.boolean().optional(),
              pods: z.array(z.string()),
            }),
          ),
          errors: z.array(z.object({ message: z.string() })),
        }),
    },
    action: async ({ input, credentials }) => {
      const entityRef = normalizeEntityRef(input.entityRef);
      const instance = await deps.resolver.resolve({
        entityRef,
        credentials,
        permission: stalwartSettingsReadPermission,
        deniedMessage: `You may not use ${stalwartSettingsReadPermission.name} on ${entityRef}`,
      });
      const drift = deps.driftService.toResponse(
        await deps.driftService.read({ instance, cluster: input.cluster }),
      );
      return {
        output: {
          entityRef,
          cluster: drift.cluster,
          engine: drift.engine,
          counts: drift.counts,
          // The response is already masked: a secret item carries `masked` and no values.
          drifted: drift.items
            .filter(item => item.class !== 'in-sync')
            .map(item => ({
              id: item.id,
              class: item.class,
              explanation: item.explanation,
              declared: item.declared,
              live: item.live,
              masked: item.masked,
              pods: item.pods.map(p => p.name),
            })),
          errors: drift.errors.map(e => ({ message: e.message })),
        },
      };
    },
  });
}
