export type {
  BuiltInChartFlavorModule,
  ChartFlavorModule,
  ChartRenderedObjects,
  DataStore,
  FlavorSpecRules,
  SpecProblemReporter,
} from './types';
export {
  chartFlavorModules,
  getChartFlavorModule,
  registerChartFlavor,
} from './registry';
