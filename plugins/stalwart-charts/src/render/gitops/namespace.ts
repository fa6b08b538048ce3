import { buildObject, rendererLabels } from './buildObject';
import type { ManifestContext } from './models';

export function namespaceObject(ctx: ManifestContext) {
  return buildObject(ctx.models.Namespace, {
    metadata: { name: ctx.spec.namespace, labels: rendererLabels(ctx) },
  });
}
