import {
  CHART_FLAVOR_IDS,
  type ChartFlavorId,
} from '@stalwart-backstage/plugin-stalwart-charts';
import {
  exampleInstanceSpec,
  parseInstanceSpec,
  type InstanceSpec,
} from '@stalwart-backstage/plugin-stalwart-charts';

export const ENGINES = ['flux', 'argocd'] as const;
export const PROVIDERS = [
  'existing',
  'external-secrets',
  'sealed-secrets',
] as const;

export interface MatrixCase {
  id: string;
  chart: ChartFlavorId;
  engine: (typeof ENGINES)[number];
  provider: (typeof PROVIDERS)[number];
  spec: InstanceSpec;
}

/** Every flavor x engine x secrets provider, parsed. */
export function specMatrix(): MatrixCase[] {
  return CHART_FLAVOR_IDS.flatMap(chart =>
    ENGINES.flatMap(engine =>
      PROVIDERS.map(provider => {
        const result = parseInstanceSpec(
          exampleInstanceSpec(chart, engine, provider),
        );
        if (!result.ok)
          throw new Error(
            `${chart}/${engine}/${provider}: ${JSON.stringify(
              result.problems,
            )}`,
          );
        return {
          id: `${chart}-${engine}-${provider}`,
          chart,
          engine,
          provider,
          spec: result.spec,
        };
      }),
    ),
  );
}
