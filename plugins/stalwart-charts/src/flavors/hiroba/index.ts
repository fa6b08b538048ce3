import { RELAY_SECRET_KEY } from '../../spec/relaySecretKey';
import type { BuiltInChartFlavorModule } from '../types';
import { HIROBA_DEFAULT_VALUES } from './defaultValues';
import { hirobaChart } from './descriptor';
import { hirobaExample } from './example';
import { hirobaSettingsPlan } from './settingsPlan';
import { hirobaSpecRules } from './specRules';
import { hirobaOverrides } from './values';

/** The hiroba base chart: v0.16 on RocksDB or PostgreSQL, with its own PDB and HTTPRoute. */
export const hirobaFlavor: BuiltInChartFlavorModule = {
  descriptor: hirobaChart,
  defaultValues: HIROBA_DEFAULT_VALUES,
  values: hirobaOverrides,
  spec: hirobaSpecRules,
  // envFrom: config.json and the settings plan reference these as EnvironmentVariable.
  secretKeys: (spec, dataStore) => [
    ...(spec.cluster.nats?.auth ? ['STALWART_NATS_TOKEN'] : []),
    ...(dataStore === 'postgresql' ? ['STALWART_DATA_PASSWORD'] : []),
    ...(spec.relay?.username ? [RELAY_SECRET_KEY] : []),
  ],
  chartRenders: {
    podDisruptionBudget: true,
    networkPolicy: false,
    httpRouting: ['gateway'],
  },
  settingsPlan: hirobaSettingsPlan,
  example: hirobaExample,
};
