import type { BuiltInChartFlavorModule } from '../types';
import { ANTIGENIC_DEFAULT_VALUES } from './defaultValues';
import { antigenicChart } from './descriptor';
import { antigenicExample } from './example';
import { antigenicSpecRules } from './specRules';
import { antigenicOverrides } from './values';

/** The antigenic chart: v0.15 on PostgreSQL, S3 and Meilisearch, with its own PDB and NetworkPolicy. */
export const antigenicFlavor: BuiltInChartFlavorModule = {
  descriptor: antigenicChart,
  defaultValues: ANTIGENIC_DEFAULT_VALUES,
  values: antigenicOverrides,
  spec: antigenicSpecRules,
  // The chart's config.toml reads these through %{env:…}% from envFrom (values.yaml `secret.data`).
  secretKeys: spec => [
    'ADMIN_SECRET',
    'MEILISEARCH_API_KEY',
    'POSTGRES_PASSWORD',
    ...(spec.metrics.prometheus ? ['PROMETHEUS_SECRET'] : []),
    'REDIS_URL',
    'S3_ACCESS_KEY',
    'S3_SECRET_KEY',
  ],
  chartRenders: {
    podDisruptionBudget: true,
    networkPolicy: true,
    httpRouting: ['ingress', 'gateway'],
  },
  example: antigenicExample,
};
