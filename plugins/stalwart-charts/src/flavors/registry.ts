import type { ChartFlavor, ChartFlavorId } from '../charts/types';
import { antigenicFlavor } from './antigenic';
import { hirobaFlavor } from './hiroba';
import { kgrubbFlavor } from './kgrubb';
import { olsontechFlavor } from './olsontech';
import type { BuiltInChartFlavorModule, ChartFlavorModule } from './types';

const BUILT_IN: Readonly<Record<ChartFlavorId, BuiltInChartFlavorModule>> = {
  antigenic: antigenicFlavor,
  olsontech: olsontechFlavor,
  hiroba: hirobaFlavor,
  kgrubb: kgrubbFlavor,
};

const registered = new Map<string, ChartFlavorModule>();

/**
 * Every chart flavor this project ships, by id.
 *
 * @public
 */
export const CHART_FLAVORS: Readonly<
  Record<ChartFlavorId, ChartFlavor<ChartFlavorId>>
> = Object.fromEntries(
  Object.entries(BUILT_IN).map(([id, flavor]) => [id, flavor.descriptor]),
) as Record<ChartFlavorId, ChartFlavor<ChartFlavorId>>;

/**
 * The shipped flavor ids, in a stable order: the values the spec's `chart` accepts.
 *
 * @public
 */
export const CHART_FLAVOR_IDS = Object.keys(BUILT_IN) as ChartFlavorId[];

/**
 * Whether a string names a shipped chart flavor.
 *
 * @public
 */
export function isChartFlavorId(id: string): id is ChartFlavorId {
  return Object.prototype.hasOwnProperty.call(BUILT_IN, id);
}

/**
 * Adds a chart flavor from another module, under an id no other flavor has. Returns a
 * function that removes it again.
 *
 * @public
 */
export function registerChartFlavor(flavor: ChartFlavorModule): () => void {
  const { id } = flavor.descriptor;
  if (isChartFlavorId(id) || registered.has(id)) {
    throw new Error(`A chart flavor "${id}" is already registered`);
  }
  registered.set(id, flavor);
  return () => {
    if (registered.get(id) === flavor) registered.delete(id);
  };
}

/**
 * The module of a shipped or registered chart flavor; throws on an unknown id.
 *
 * @public
 */
export function getChartFlavorModule(id: string): ChartFlavorModule {
  const flavor = isChartFlavorId(id) ? BUILT_IN[id] : registered.get(id);
  if (!flavor) {
    throw new Error(
      `Unknown chart flavor "${id}"; expected one of ${chartFlavorModules()
        .map(f => f.descriptor.id)
        .join(', ')}`,
    );
  }
  return flavor;
}

/**
 * Every shipped flavor, then every registered one.
 *
 * @public
 */
export function chartFlavorModules(): ChartFlavorModule[] {
  return [...Object.values(BUILT_IN), ...registered.values()];
}

/**
 * The descriptor of a shipped or registered chart flavor; throws on an unknown id.
 *
 * @public
 */
export function getChartFlavor(id: string): ChartFlavor {
  return getChartFlavorModule(id).descriptor;
}
