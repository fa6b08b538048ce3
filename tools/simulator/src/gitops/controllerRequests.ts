/**
 * How Flux's and Argo CD's controllers answer the requests users write onto their objects,
 * one object at a time: each function returns the object as the controller leaves it, or
 * `undefined` when the controller has nothing to do. Pure, so the watch-driven controllers in
 * `kube/controllers` and a release-by-release GitOps reconciler can both call them.
 */

const FLUX_REQUESTED_AT = 'reconcile.fluxcd.io/requestedAt';
const ARGO_CD_REFRESH = 'argocd.argoproj.io/refresh';

const timestamp = (now: Date) => now.toISOString().replace(/\.\d+Z$/, 'Z');

/**
 * A Flux object with a `reconcile.fluxcd.io/requestedAt` it has not handled: the controller
 * reconciles and records the request in `status.lastHandledReconcileAt`, refreshing its Ready
 * condition. A suspended object is skipped entirely, as the real controllers do.
 */
export function handleFluxReconcileRequest(object: any, now: Date): any {
  const requested = object.metadata?.annotations?.[FLUX_REQUESTED_AT];
  if (
    !requested ||
    object.spec?.suspend === true ||
    object.status?.lastHandledReconcileAt === requested
  )
    return undefined;
  const at = timestamp(now);
  const conditions = (object.status?.conditions ?? []).map((c: any) =>
    c.type === 'Ready'
      ? {
          ...c,
          lastTransitionTime: at,
          observedGeneration: object.metadata.generation,
        }
      : c,
  );
  return {
    ...object,
    status: {
      ...object.status,
      lastHandledReconcileAt: requested,
      conditions,
    },
  };
}

/**
 * An Argo CD Application with a refresh annotation or a pending `operation`, in a namespace
 * the controller watches: a refresh compares with git (`status.reconciledAt`) and drops the
 * annotation; a sync runs the operation, records it in `status.operationState` and `history`,
 * marks the Application Synced at the operation's revision and clears `operation`.
 */
export function handleArgoCdRequests(
  app: any,
  now: Date,
  watchedNamespaces: readonly string[] = ['argocd'],
): any {
  const refresh = app.metadata?.annotations?.[ARGO_CD_REFRESH];
  if (!watchedNamespaces.includes(app.metadata?.namespace)) return undefined;
  if (!refresh && !app.operation) return undefined;
  const at = timestamp(now);
  const { [ARGO_CD_REFRESH]: _handled, ...annotations } =
    app.metadata.annotations ?? {};
  const next = {
    ...app,
    metadata: { ...app.metadata, annotations },
    status: { ...app.status, reconciledAt: at },
  };
  if (!app.operation) return next;

  const { operation, ...rest } = next;
  const sync = operation.sync ?? {};
  const revision = sync.revision ?? app.spec?.source?.targetRevision ?? 'HEAD';
  const history = app.status?.history ?? [];
  return {
    ...rest,
    status: {
      ...rest.status,
      sync: { ...app.status?.sync, status: 'Synced', revision },
      operationState: {
        operation,
        phase: 'Succeeded',
        message: 'successfully synced (all tasks run)',
        startedAt: at,
        finishedAt: at,
        syncResult: { revision, source: app.spec?.source },
      },
      history: [
        ...history,
        {
          id: history.length,
          revision,
          deployedAt: at,
          deployStartedAt: at,
          initiatedBy: operation.initiatedBy,
          source: app.spec?.source,
        },
      ],
    },
  };
}
