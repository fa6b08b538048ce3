import { antigenicChart } from './antigenic';
import { hirobaChart } from './hiroba';
import { kgrubbChart } from './kgrubb';
import { olsontechChart } from './olsontech';
import type { ChartFlavor, ChartFlavorId } from './types';

/**
 * Every chart flavor this project supports, by id.
 *
 * @public
 */
export const CHART_FLAVORS: Readonly<Record<ChartFlavorId, ChartFlavor>> = {
  antigenic: antigenicChart,
  olsontech: olsontechChart,
  hiroba: hirobaChart,
  kgrubb: kgrubbChart,
};

/**
 * The flavor ids, in a stable order.
 *
 * @public
 */
export const CHART_FLAVOR_IDS = Object.keys(CHART_FLAVORS) as ChartFlavorId[];

/**
 * Whether a string names a supported chart flavor.
 *
 * @public
 */
export function isChartFlavorId(id: string): id is ChartFlavorId {
  return Object.prototype.hasOwnProperty.call(CHART_FLAVORS, id);
}

/**
 * The descriptor of a chart flavor; throws on an unknown id.
 *
 * @public
 */
export function getChartFlavor(id: string): ChartFlavor {
  if (!isChartFlavorId(id)) {
    throw new Error(
      `Unknown chart flavor "${id}"; expected one of ${CHART_FLAVOR_IDS.join(
        ', ',
      )}`,
    );
  }
  return CHART_FLAVORS[id];
}
