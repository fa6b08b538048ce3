import { NotAllowedError } from '@backstage/errors';
import { stalwartSettingsAdoptPermission } from '@stalwart-backstage/plugin-stalwart-common';
import type { ResolvedInstance } from '../services/InstanceResolver/types';
import { principalKey } from '../services/GitOpsActions/principalKey';
import { normalizeEntityRef } from './entityRefInput';
import type { StalwartActionDeps } from './types';

/** Adopts drifted settings into git for an agent: a dry run unless asked otherwise. */
export function registerKeepLiveValueAction(deps: StalwartActionDeps) {
  deps.actionsRegistry.register({
    name: 'keep-live-value',
    title: 'Keep the live value of drifted Stalwart settings',
    description:
      'Writes the values a v0.16 Stalwart runs into its settings plan in git, as a branch of the fleet repository for review (never merged). Dry run by default: returns the unified diff and the branch; apply with dryRun false and the expectedLive the dry run returned (refused if a live value changed since). Secret settings are refused, never written. Needs stalwart.settings.adopt on the entity; item ids come from get-settings-drift.',
    attributes: { readOnly: false, idempotent: false, destructive: false },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe('The instance entity, e.g. component:default/mail-edge'),
          itemIds: z
            .array(z.string().min(1).max(512))
            .min(1)
            .max(500)
            .describe('Drift item ids, as get-settings-drift lists them'),
          dryRun: z
            .boolean()
            .default(true)
            .describe('Only return the diff and the branch (the default)'),
          expectedLive: z
            .record(z.string().max(512), z.string().max(65536).nullable())
            .optional()
            .describe('The expectedLive of the dry run, sent with the apply'),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          dryRun: z.boolean(),
          adopted: z.array(z.string()),
          refused: z.array(
            z.object({ itemId: z.string(), reason: z.string() }),
          ),
          folder: z.string(),
          branch: z.string(),
          files: z.array(z.object({ path: z.string(), diff: z.string() })),
          expectedLive: z.record(z.string(), z.string().nullable()),
          commitSha: z.string().optional(),
        }),
    },
    action: async ({ input, credentials }) => {
      const entityRef = normalizeEntityRef(input.entityRef);
      let instance: ResolvedInstance;
      try {
        if ((credentials.principal as { type?: string }).type !== 'user')
          throw new NotAllowedError(
            'Only a user can adopt settings into git: the commit is attributed to them',
          );
        instance = await deps.resolver.resolve({
          entityRef,
          credentials,
          permission: stalwartSettingsAdoptPermission,
          deniedMessage: `You may not adopt the settings of ${entityRef} into git: stalwart.settings.adopt is not granted`,
          fresh: true,
        });
        deps.rateLimiter.take(principalKey(credentials));
      } catch (error) {
        await deps.adoptionService.auditRefusal(
          entityRef,
          undefined,
          error as Error,
        );
        throw error;
      }
      const result = await deps.adoptionService.adopt({
        instance,
        credentials: credentials as Parameters<
          typeof deps.adoptionService.adopt
        >[0]['credentials'],
        itemIds: input.itemIds,
        dryRun: input.dryRun ?? true,
        expectedLive: input.expectedLive,
      });
      return { output: { entityRef, ...result } };
    },
  });
}
