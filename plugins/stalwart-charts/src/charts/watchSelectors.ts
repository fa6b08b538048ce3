import { CHART_FLAVORS } from '../flavors/registry';
import type { ChartFlavor } from './types';

/**
 * The label selectors that together select the chart-made objects of every release of every
 * flavor, and nothing else: flavors labelled by one key share one set-based selector
 * (`app.kubernetes.io/name in (a,b)`), so a watch per kind serves the whole fleet.
 *
 * @public
 */
export function chartWatchSelectors(
  flavors: ReadonlyArray<ChartFlavor> = Object.values(CHART_FLAVORS),
): string[] {
  const valuesByKey = new Map<string, Set<string>>();
  const compound = new Set<string>();
  for (const flavor of flavors) {
    const entries = Object.entries(flavor.watchLabels);
    if (entries.length === 1) {
      const [key, value] = entries[0];
      valuesByKey.set(key, (valuesByKey.get(key) ?? new Set()).add(value));
    } else {
      compound.add(entries.map(([key, value]) => `${key}=${value}`).join(','));
    }
  }
  const setBased = [...valuesByKey].map(([key, values]) =>
    values.size === 1
      ? `${key}=${[...values][0]}`
      : `${key} in (${[...values].sort().join(',')})`,
  );
  return [...setBased, ...compound];
}
