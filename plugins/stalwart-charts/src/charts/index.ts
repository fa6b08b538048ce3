export type {
  ChartFlavor,
  ChartFlavorId,
  ChartObjectNames,
  ChartPort,
  ChartSource,
  ChartTopology,
  MailPortKind,
  NodeIdScheme,
  StalwartGeneration,
} from './types';
export {
  CHART_FLAVORS,
  CHART_FLAVOR_IDS,
  getChartFlavor,
  isChartFlavorId,
} from '../flavors/registry';
export { derivedObjectNames, maxReleaseNameLength } from './derivedNames';
export { MAX_OBJECT_NAME_LENGTH } from './helmNames';
export { expectedPodNames, nodeIdForPod } from './pods';
export { chartWatchSelectors } from './watchSelectors';
