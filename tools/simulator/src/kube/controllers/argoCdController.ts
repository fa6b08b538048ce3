import { handleArgoCdRequests } from '../../gitops/controllerRequests';
import { SimulatedCluster } from '../SimulatedCluster';

/**
 * The Argo CD application controller's answer to a refresh annotation or an `operation`
 * written onto an Application: see {@link handleArgoCdRequests}.
 */
export function startArgoCdController(
  cluster: SimulatedCluster,
  now: () => Date,
): () => void {
  return cluster.onChange(event => {
    if (
      event.type === 'DELETED' ||
      event.resource.group !== 'argoproj.io' ||
      event.resource.kind !== 'Application' ||
      !handleArgoCdRequests(event.object, now())
    )
      return;
    queueMicrotask(() => {
      const { namespace, name } = event.object.metadata;
      const current = cluster.store.get(event.resource, namespace, name);
      const handled = current && handleArgoCdRequests(current, now());
      if (handled) cluster.store.update(event.resource, handled);
    });
  });
}
