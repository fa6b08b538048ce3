import type { BuiltInChartFlavorModule } from '../types';
import { OLSONTECH_DEFAULT_VALUES } from './defaultValues';
import { olsontechChart } from './descriptor';
import { olsontechExample } from './example';
import { olsontechSpecRules } from './specRules';
import { olsontechOverrides } from './values';

/** The olsontech chart: v0.14/v0.15 on FoundationDB, clustered over NATS. */
export const olsontechFlavor: BuiltInChartFlavorModule = {
  descriptor: olsontechChart,
  defaultValues: OLSONTECH_DEFAULT_VALUES,
  values: olsontechOverrides,
  spec: olsontechSpecRules,
  // One Secret serves as fdb.secrets.clusterFile and, when clustered, the NATS credentials,
  // which the StatefulSet reads unconditionally.
  secretKeys: spec => [
    'cluster-file',
    ...(spec.replicas > 1 ? ['password', 'username'] : []),
  ],
  chartRenders: {
    podDisruptionBudget: false,
    networkPolicy: false,
    httpRouting: ['ingress'],
  },
  example: olsontechExample,
};
