import { Namespace } from 'kubernetes-models/v1';
import type { RenderContext } from '../context';
import { buildObject, rendererLabels } from './buildObject';

export function namespaceObject(ctx: RenderContext) {
  return buildObject(Namespace, {
    metadata: { name: ctx.spec.namespace, labels: rendererLabels(ctx) },
  });
}
