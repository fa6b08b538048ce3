import {
  chartWatchSelectors,
  RENDERER_WATCH_SELECTOR,
} from '@stalwart-backstage/plugin-stalwart-charts';
import type { ResourceKind } from './types';

const CHART_SELECTORS = chartWatchSelectors();

/**
 * The label selectors each kind is watched with: what the charts make carries their labels,
 * what the renderer generates carries its own, and a chart that makes its Certificate itself
 * labels it like its workload. One watch per kind and selector serves every instance, and no
 * other team's object ever reaches this process.
 */
export const WATCH_SELECTORS: Readonly<Record<ResourceKind, string[]>> = {
  StatefulSet: CHART_SELECTORS,
  Deployment: CHART_SELECTORS,
  Pod: CHART_SELECTORS,
  Service: CHART_SELECTORS,
  ConfigMap: CHART_SELECTORS,
  Certificate: [...CHART_SELECTORS, RENDERER_WATCH_SELECTOR],
  HelmRelease: [RENDERER_WATCH_SELECTOR],
  Application: [RENDERER_WATCH_SELECTOR],
};
