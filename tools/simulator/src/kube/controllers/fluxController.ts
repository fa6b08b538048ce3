import { handleFluxReconcileRequest } from '../../gitops/controllerRequests';
import { SimulatedCluster } from '../SimulatedCluster';

/**
 * Flux's answer to `flux reconcile` (the `reconcile.fluxcd.io/requestedAt` annotation), for
 * every Flux kind: see {@link handleFluxReconcileRequest}.
 */
export function startFluxController(
  cluster: SimulatedCluster,
  now: () => Date,
): () => void {
  return cluster.onChange(event => {
    if (
      event.type === 'DELETED' ||
      !event.resource.group.endsWith('.toolkit.fluxcd.io') ||
      !handleFluxReconcileRequest(event.object, now())
    )
      return;
    queueMicrotask(() => {
      const { namespace, name } = event.object.metadata;
      const current = cluster.store.get(event.resource, namespace, name);
      const handled = current && handleFluxReconcileRequest(current, now());
      if (handled) cluster.store.update(event.resource, handled);
    });
  });
}
