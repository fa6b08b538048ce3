import { getChartFlavorModule } from '../flavors/registry';
import type { DataStore } from '../flavors/types';
import type { InstanceSpec } from './instanceSpecSchema';

export { RELAY_SECRET_KEY } from './relaySecretKey';

/**
 * The keys the instance Secret (`secrets.name`) must hold for this spec, in a stable order:
 * what the chart reads from it, so the ExternalSecret / SealedSecret delivers exactly these.
 *
 * @public
 */
export function requiredSecretKeys(spec: InstanceSpec): string[] {
  return getChartFlavorModule(spec.chart).secretKeys(
    spec,
    resolvedDataStore(spec),
  );
}

/**
 * The data store a spec runs on, after the chart's default.
 *
 * @public
 */
export function resolvedDataStore(
  spec: Pick<InstanceSpec, 'chart' | 'storage'>,
): DataStore {
  return (
    spec.storage.data ?? getChartFlavorModule(spec.chart).spec.dataStores[0]
  );
}
