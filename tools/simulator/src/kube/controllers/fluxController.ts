import { handleFluxReconcileRequest } from '../../gitops/controllerRequests';
import { SimulatedCluster } from '../SimulatedCluster';
import { startRequestController } from './requestController';

/**
 * Flux's answer to `flux reconcile` (the `reconcile.fluxcd.io/requestedAt` annotation), for
 * every Flux kind: see {@link handleFluxReconcileRequest}.
 */
export function startFluxController(
  cluster: SimulatedCluster,
  now: () => Date,
): () => void {
  return startRequestController(cluster, now, {
    watches: resource => resource.group.endsWith('.toolkit.fluxcd.io'),
    handle: handleFluxReconcileRequest,
  });
}
