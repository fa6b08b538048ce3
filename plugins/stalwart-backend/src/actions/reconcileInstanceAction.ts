import { stalwartGitOpsReconcilePermission } from '@stalwart-backstage/plugin-stalwart-common';
import { normalizeEntityRef } from './entityRefInput';
import type { ResolvedInstance } from '../services/InstanceResolver/types';
import { principalKey } from '../services/GitOpsActions/principalKey';
import type { StalwartActionDeps } from './types';

export function registerReconcileInstanceAction(deps: StalwartActionDeps) {
  deps.actionsRegistry.register({
    name: 'reconcile-instance',
    title: 'Reconcile a Stalwart mail server from git',
    description:
      'Asks the GitOps controller (Flux: reconcile now, with its source; Argo CD: refresh) to apply what git declares for the instance now. Needs the stalwart.gitops.reconcile permission on the entity. Use dryRun to see the exact patches first.',
    attributes: { readOnly: false, idempotent: false, destructive: true },
    schema: {
      input: z =>
        z.object({
          entityRef: z
            .string()
            .describe('The instance entity, e.g. component:default/stalwart'),
          dryRun: z
            .boolean()
            .default(false)
            .describe('Only return the patches that would be sent'),
          cluster: z
            .string()
            .optional()
            .describe('Needed only when the release runs in several clusters'),
        }),
      output: z =>
        z.object({
          entityRef: z.string(),
          cluster: z.string(),
          tool: z.enum(['flux', 'argocd']),
          dryRun: z.boolean(),
          owner: z.string(),
          patches: z.array(z.string()),
          handled: z.boolean().optional(),
          lastHandledReconcileAt: z.string().optional(),
          reconciledAt: z.string().optional(),
        }),
    },
    action: async ({ input, credentials }) => {
      const entityRef = normalizeEntityRef(input.entityRef);
      const action = 'reconcile';
      let instance: ResolvedInstance;
      try {
        instance = await deps.resolver.resolve({
          entityRef,
          credentials,
          permission: stalwartGitOpsReconcilePermission,
          deniedMessage: `You may not reconcile the GitOps release of ${entityRef}: stalwart.gitops.reconcile is not granted`,
          fresh: true,
        });
        deps.rateLimiter.take(principalKey(credentials));
      } catch (error) {
        await deps.gitopsActions.auditRefusal({
          entityRef,
          action,
          error: error as Error,
        });
        throw error;
      }
      const result = await deps.gitopsActions.run({
        instance,
        credentials,
        action,
        dryRun: input.dryRun ?? false,
        cluster: input.cluster,
      });
      return {
        output: {
          entityRef,
          cluster: result.cluster,
          tool: result.tool,
          dryRun: result.dryRun,
          owner: `${result.owner.kind} ${result.owner.namespace}/${result.owner.name}`,
          patches: result.patches.map(p => p.description),
          handled: result.observed?.handled,
          lastHandledReconcileAt: result.observed?.lastHandledReconcileAt,
          reconciledAt: result.observed?.reconciledAt,
        },
      };
    },
  });
}
