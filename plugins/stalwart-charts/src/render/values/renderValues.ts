import type { InstanceSpec } from '../../spec';
import { createRenderContext } from '../context';
import { deepMerge } from '../deepMerge';
import { toYamlFile } from '../yamlDocument';

/**
 * The complete chart values for a spec: the chart's own defaults with the spec applied.
 *
 * @public
 */
export function renderValuesObject(
  spec: InstanceSpec,
): Record<string, unknown> {
  const ctx = createRenderContext(spec);
  const flavor = ctx.flavorModule;
  return deepMerge(flavor.defaultValues, flavor.values(ctx)) as Record<
    string,
    unknown
  >;
}

/**
 * The complete values.yaml for the spec's chart.
 *
 * @public
 */
export function renderValues(spec: InstanceSpec): string {
  return toYamlFile(spec, 'chart values', [renderValuesObject(spec)]);
}
