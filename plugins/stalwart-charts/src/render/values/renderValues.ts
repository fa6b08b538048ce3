import type { ChartFlavorId } from '../../charts';
import type { InstanceSpec } from '../../spec';
import { createRenderContext, type RenderContext } from '../context';
import { deepMerge, type Overrides } from '../deepMerge';
import { toYamlFile } from '../yamlDocument';
import { antigenicOverrides } from './antigenicValues';
import { ANTIGENIC_DEFAULT_VALUES } from './chartDefaults/antigenic';
import { HIROBA_DEFAULT_VALUES } from './chartDefaults/hiroba';
import { KGRUBB_DEFAULT_VALUES } from './chartDefaults/kgrubb';
import { OLSONTECH_DEFAULT_VALUES } from './chartDefaults/olsontech';
import { hirobaOverrides } from './hirobaValues';
import { kgrubbOverrides } from './kgrubbValues';
import { olsontechOverrides } from './olsontechValues';

const FLAVOR_VALUES: Record<
  ChartFlavorId,
  { defaults: unknown; overrides: (ctx: RenderContext) => Overrides }
> = {
  antigenic: {
    defaults: ANTIGENIC_DEFAULT_VALUES,
    overrides: antigenicOverrides,
  },
  olsontech: {
    defaults: OLSONTECH_DEFAULT_VALUES,
    overrides: olsontechOverrides,
  },
  hiroba: { defaults: HIROBA_DEFAULT_VALUES, overrides: hirobaOverrides },
  kgrubb: { defaults: KGRUBB_DEFAULT_VALUES, overrides: kgrubbOverrides },
};

/**
 * The complete chart values for a spec: the chart's own defaults with the spec applied.
 *
 * @public
 */
export function renderValuesObject(
  spec: InstanceSpec,
): Record<string, unknown> {
  const ctx = createRenderContext(spec);
  const { defaults, overrides } = FLAVOR_VALUES[spec.chart];
  return deepMerge(defaults, overrides(ctx)) as Record<string, unknown>;
}

/**
 * The complete values.yaml for the spec's chart.
 *
 * @public
 */
export function renderValues(spec: InstanceSpec): string {
  return toYamlFile(spec, 'chart values', [renderValuesObject(spec)]);
}
