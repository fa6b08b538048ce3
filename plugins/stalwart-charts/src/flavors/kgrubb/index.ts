import type { BuiltInChartFlavorModule } from '../types';
import { KGRUBB_DEFAULT_VALUES } from './defaultValues';
import { kgrubbChart } from './descriptor';
import { kgrubbExample } from './example';
import { kgrubbSpecRules } from './specRules';
import { kgrubbOverrides } from './values';

/** The kgrubb chart: v0.16 on RocksDB with a recovery admin and a tls-sync sidecar. */
export const kgrubbFlavor: BuiltInChartFlavorModule = {
  descriptor: kgrubbChart,
  defaultValues: KGRUBB_DEFAULT_VALUES,
  values: kgrubbOverrides,
  spec: kgrubbSpecRules,
  // recoveryAdmin.existingSecret: the tls-sync sidecar signs in with it to load certificates.
  secretKeys: () => ['password', 'username'],
  chartRenders: {
    podDisruptionBudget: false,
    networkPolicy: false,
    httpRouting: ['ingress'],
  },
  example: kgrubbExample,
};
