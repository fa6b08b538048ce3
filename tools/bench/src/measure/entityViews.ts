import type { PluginName, ViewFunction } from '../backend/entityViews';
import type { FleetInstance } from '../fleet/fleetInstances';
import {
  countsBetween,
  type KubernetesRequestCounts,
} from '../fleet/requestCounter';
import { round, summarize } from '../stats';

/** One plugin's entity views at one fleet size. */
export interface ViewSeries {
  views: number;
  failures: number;
  /** Answered 200 but without the instance's workload, pods or certificate. */
  incomplete: number;
  medianMs?: number;
  p95Ms?: number;
  /** Mean Kubernetes API requests the simulator received while a view was in flight. */
  kubernetesRequestsPerView: number;
  maxKubernetesRequestsPerView: number;
  firstError?: string;
}

/** Both plugins, and the catalog lookup every entity view starts with, for reference. */
export type EntityViewResult = Record<PluginName | 'catalog', ViewSeries>;

/**
 * Views the same entities through both plugins, one view at a time and interleaved (the
 * plugin that goes first alternates), so machine noise hits both alike and each view's
 * Kubernetes requests can be counted at the simulator.
 */
export async function measureEntityViews<Name extends string>(options: {
  sample: FleetInstance[];
  views: number;
  plugins: Record<Name, ViewFunction>;
  counts: () => Promise<KubernetesRequestCounts>;
}): Promise<Record<Name, ViewSeries>> {
  const { sample, views, plugins, counts } = options;
  const names = Object.keys(plugins) as Name[];
  for (const instance of sample) {
    for (const name of names) await plugins[name](instance); // warm-up, not recorded
  }
  const raw = Object.fromEntries(
    names.map(n => [
      n,
      {
        ms: [] as number[],
        requests: [] as number[],
        failures: 0,
        incomplete: 0,
        firstError: undefined as string | undefined,
      },
    ]),
  );
  for (let i = 0; i < views; i++) {
    const instance = sample[i % sample.length];
    const order = i % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      const before = await counts();
      const outcome = await plugins[name](instance);
      const requests = countsBetween(before, await counts()).total;
      const series = raw[name];
      series.requests.push(requests);
      if (!outcome.ok) {
        series.failures += 1;
        series.firstError ??= outcome.error;
        continue;
      }
      if (!outcome.complete) series.incomplete += 1;
      series.ms.push(outcome.ms);
    }
  }
  return Object.fromEntries(
    names.map(name => {
      const series = raw[name];
      const latency = summarize(series.ms);
      const total = series.requests.reduce((a, b) => a + b, 0);
      return [
        name,
        {
          views,
          failures: series.failures,
          incomplete: series.incomplete,
          medianMs: latency && round(latency.median),
          p95Ms: latency && round(latency.p95),
          kubernetesRequestsPerView: round(total / Math.max(1, views), 2),
          maxKubernetesRequestsPerView: Math.max(0, ...series.requests),
          ...(series.firstError ? { firstError: series.firstError } : {}),
        } satisfies ViewSeries,
      ];
    }),
  ) as Record<Name, ViewSeries>;
}
