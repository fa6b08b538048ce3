import { ConflictError, InputError } from '@backstage/errors';
import type {
  GitOpsAction,
  GitOpsActionPlanV1,
  GitOpsObservedStateV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import type { ApplicationObject } from '@stalwart-backstage/plugin-stalwart-common';
import { objectRefOf, type GitOpsObject } from './objectRef';

/**
 * The annotation `argocd app get --refresh` sets; the controller removes it once it has compared.
 *
 * @public
 */
export const ARGO_CD_REFRESH = 'argocd.argoproj.io/refresh';

const FINISHED_PHASES = new Set(['Succeeded', 'Failed', 'Error']);

/**
 * What Argo CD's API server writes for a refresh (`argocd app get --refresh`) and a sync
 * (`argocd app sync`): the refresh annotation, or an `operation` on the Application naming the
 * revisions and sync options from its spec and who asked. Refuses an Application the
 * controller does not watch (its namespace is neither the control plane's nor in
 * `application.namespaces`) and a sync while another operation runs.
 *
 * @public
 */
export function planArgoCdAction(options: {
  action: GitOpsAction;
  application: ApplicationObject;
  /** The namespaces the Argo CD controller reconciles Applications in. */
  watchedNamespaces: readonly string[];
  /** Who asked, recorded in `operation.initiatedBy.username`. */
  username: string;
}): GitOpsActionPlanV1 {
  const { action, application: app, watchedNamespaces } = options;
  const owner = objectRefOf(app as GitOpsObject);
  const label = `Application ${owner.namespace}/${owner.name}`;
  if (!watchedNamespaces.includes(owner.namespace))
    throw new ConflictError(
      `${label} is in namespace ${
        owner.namespace
      }, which Argo CD does not watch (watched: ${watchedNamespaces.join(
        ', ',
      )}): the controller would never act on it`,
    );
  const resourceVersion = app.metadata?.resourceVersion;
  const patchOwner = (
    body: Record<string, unknown>,
    description: string,
  ): GitOpsActionPlanV1 => ({
    action,
    tool: 'argocd',
    owner,
    patches: [
      {
        target: owner,
        contentType: 'application/merge-patch+json',
        body,
        description,
      },
    ],
  });

  if (action === 'reconcile')
    return patchOwner(
      {
        metadata: {
          resourceVersion,
          annotations: { [ARGO_CD_REFRESH]: 'normal' },
        },
      },
      `Ask the Argo CD controller to compare ${label} with git now`,
    );
  if (action !== 'sync')
    throw new InputError(
      `${label} is managed by Argo CD, which has no "${action}" here: use reconcile (refresh) or sync`,
    );
  const running = app.status?.operationState?.phase === 'Running';
  if (app.operation || running)
    throw new ConflictError(
      `${label} already has a sync operation ${
        running ? 'running' : 'pending'
      }; wait for it to finish`,
    );
  const syncPolicy = app.spec?.syncPolicy;
  const sync: Record<string, unknown> = {
    ...(app.spec?.sources
      ? { revisions: app.spec.sources.map(s => s.targetRevision ?? 'HEAD') }
      : { revision: app.spec?.source?.targetRevision ?? 'HEAD' }),
    syncStrategy: { hook: {} },
    ...(syncPolicy?.syncOptions?.length
      ? { syncOptions: syncPolicy.syncOptions }
      : {}),
  };
  return patchOwner(
    {
      metadata: { resourceVersion },
      operation: {
        initiatedBy: { username: options.username },
        info: [{ name: 'Reason', value: 'Sync requested from Backstage' }],
        sync,
        ...(syncPolicy?.retry ? { retry: syncPolicy.retry } : {}),
      },
    },
    `Start a sync of ${label} to ${
      'revision' in sync
        ? sync.revision
        : (sync.revisions as string[]).join(', ')
    }`,
  );
}

/**
 * What the Argo CD controller has done: a refresh is handled once the annotation is gone, a sync
 * once the `operation` is gone and its state is final.
 *
 * @public
 */
export function observeArgoCd(
  app: ApplicationObject,
  action: GitOpsAction,
): GitOpsObservedStateV1 {
  const state = app.status?.operationState;
  const handled =
    action === 'sync'
      ? !app.operation && FINISHED_PHASES.has(state?.phase ?? '')
      : !app.metadata?.annotations?.[ARGO_CD_REFRESH];
  return {
    handled,
    ...(app.status?.reconciledAt
      ? { reconciledAt: app.status.reconciledAt }
      : {}),
    ...(state
      ? {
          operationState: {
            phase: state.phase,
            message: state.message,
            startedAt: state.startedAt,
            finishedAt: state.finishedAt,
            revision: state.syncResult?.revision,
          },
        }
      : {}),
  };
}
