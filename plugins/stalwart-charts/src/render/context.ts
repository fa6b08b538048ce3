import type { ChartFlavor, ChartObjectNames, ChartPort } from '../charts';
import { getChartFlavorModule } from '../flavors/registry';
import type { ChartFlavorModule, DataStore } from '../flavors/types';
import {
  requiredSecretKeys,
  resolvedDataStore,
  type InstanceSpec,
} from '../spec';

/**
 * Everything the renderers derive from a spec, computed once.
 *
 * @public
 */
export interface RenderContext {
  spec: InstanceSpec;
  /** The chart's descriptor. */
  flavor: ChartFlavor;
  /** The chart's flavor module: its values, policies and settings hooks. */
  flavorModule: ChartFlavorModule;
  chartVersion: string;
  names: ChartObjectNames;
  /** The host HTTP routing serves. */
  httpHost: string;
  /** The TLS Secret the mail listeners serve (issued or existing). */
  tlsSecretName: string;
  /** Whether this project renders the cert-manager Certificate (the chart does not). */
  rendersCertificate: boolean;
  secretKeys: string[];
  dataStore: DataStore;
  /** The chart's ports with the spec's enablement applied. */
  ports: Array<ChartPort & { enabled: boolean }>;
  image: { repository: string; tag: string };
}

export function createRenderContext(spec: InstanceSpec): RenderContext {
  const flavorModule = getChartFlavorModule(spec.chart);
  const flavor = flavorModule.descriptor;
  const names = flavor.objectNames(spec.name, { replicas: spec.replicas });
  const switches = spec.service.ports as Record<string, boolean | undefined>;
  return {
    spec,
    flavor,
    flavorModule,
    chartVersion: spec.chartVersion ?? flavor.chartVersion,
    names,
    httpHost: spec.http.hostname ?? spec.hostname,
    tlsSecretName: spec.tls.secretName ?? names.certificate.secretName,
    rendersCertificate:
      Boolean(spec.tls.issuer) && names.certificate.madeBy === 'renderer',
    secretKeys: requiredSecretKeys(spec),
    dataStore: resolvedDataStore(spec),
    ports: flavor.ports.map(p => ({
      ...p,
      enabled: switches[p.kind] ?? p.enabledByDefault,
    })),
    image: {
      repository: spec.image.repository ?? flavor.image.repository,
      tag: spec.image.tag ?? flavor.image.tag,
    },
  };
}
