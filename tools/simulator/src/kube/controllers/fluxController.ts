import { SimulatedCluster } from '../SimulatedCluster';

const REQUESTED_AT = 'reconcile.fluxcd.io/requestedAt';

/**
 * Flux's answer to `flux reconcile` (the `reconcile.fluxcd.io/requestedAt` annotation):
 * the object's status records the handled request and its Ready condition is refreshed.
 */
export function startFluxController(
  cluster: SimulatedCluster,
  now: () => Date,
): () => void {
  return cluster.onChange(event => {
    const { object } = event;
    if (
      event.type === 'DELETED' ||
      !event.resource.group.endsWith('.toolkit.fluxcd.io')
    )
      return;
    const requested = object.metadata?.annotations?.[REQUESTED_AT];
    if (!requested || object.status?.lastHandledReconcileAt === requested)
      return;
    queueMicrotask(() => {
      const current = cluster.store.get(
        event.resource,
        object.metadata.namespace,
        object.metadata.name,
      );
      if (!current || current.status?.lastHandledReconcileAt === requested)
        return;
      const at = now()
        .toISOString()
        .replace(/\.\d+Z$/, 'Z');
      const conditions = (current.status?.conditions ?? []).map((c: any) =>
        c.type === 'Ready'
          ? {
              ...c,
              lastTransitionTime: at,
              observedGeneration: current.metadata.generation,
            }
          : c,
      );
      current.status = {
        ...current.status,
        lastHandledReconcileAt: requested,
        conditions,
      };
      cluster.store.update(event.resource, current);
    });
  });
}
