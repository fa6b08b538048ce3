import { handleArgoCdRequests } from '../../gitops/controllerRequests';
import { SimulatedCluster } from '../SimulatedCluster';
import { startRequestController } from './requestController';

/**
 * The Argo CD application controller's answer to a refresh annotation or an `operation`
 * written onto an Application: see {@link handleArgoCdRequests}.
 */
export function startArgoCdController(
  cluster: SimulatedCluster,
  now: () => Date,
): () => void {
  return startRequestController(cluster, now, {
    watches: resource =>
      resource.group === 'argoproj.io' && resource.kind === 'Application',
    handle: (app, at) => handleArgoCdRequests(app, at),
  });
}
