import { ResourceType } from '../resourceTypes';
import { SimulatedCluster } from '../SimulatedCluster';

/**
 * Runs a controller's answer to requests users write onto its objects: `handle` returns the
 * object as the controller leaves it, or `undefined` when there is nothing to do. The answer is
 * applied after the write that triggered it, on the object as it is then.
 */
export function startRequestController(
  cluster: SimulatedCluster,
  now: () => Date,
  controller: {
    watches: (resource: ResourceType) => boolean;
    handle: (object: any, now: Date) => any;
  },
): () => void {
  return cluster.onChange(event => {
    if (
      event.type === 'DELETED' ||
      !controller.watches(event.resource) ||
      !controller.handle(event.object, now())
    )
      return;
    queueMicrotask(() => {
      const { namespace, name } = event.object.metadata;
      const current = cluster.store.get(event.resource, namespace, name);
      const handled = current && controller.handle(current, now());
      if (handled) cluster.store.update(event.resource, handled);
    });
  });
}
