import type { RenderContext } from '../context';
import { RENDERER_WATCH_LABELS } from '../watchLabels';

/** A kubernetes-models class: validates its data against the published OpenAPI schema. */
interface ModelClass<T> {
  new (data: T): { validate(): void; toJSON(): unknown };
}

/**
 * Builds a Kubernetes object through its @kubernetes-models class, validating it, and returns
 * plain data ready to serialise.
 */
export function buildObject<T>(
  Model: ModelClass<T>,
  data: T,
): Record<string, unknown> {
  const model = new Model(data);
  model.validate();
  return JSON.parse(JSON.stringify(model.toJSON()));
}

/** Labels on every object this project renders (the chart labels its own). */
export function rendererLabels(ctx: RenderContext): Record<string, string> {
  return {
    'app.kubernetes.io/instance': ctx.spec.name,
    ...RENDERER_WATCH_LABELS,
    'app.kubernetes.io/part-of': 'stalwart',
  };
}

/** metadata for an object in the instance namespace. */
export function instanceMetadata(ctx: RenderContext, name: string) {
  return { name, namespace: ctx.spec.namespace, labels: rendererLabels(ctx) };
}
