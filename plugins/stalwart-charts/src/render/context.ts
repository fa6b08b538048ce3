import {
  getChartFlavor,
  type ChartFlavor,
  type ChartObjectNames,
  type ChartPort,
} from '../charts';
import {
  requiredSecretKeys,
  resolvedDataStore,
  type InstanceSpec,
} from '../spec';

/** Everything the renderers derive from a spec, computed once. */
export interface RenderContext {
  spec: InstanceSpec;
  flavor: ChartFlavor;
  chartVersion: string;
  names: ChartObjectNames;
  /** The host HTTP routing serves. */
  httpHost: string;
  /** The TLS Secret the mail listeners serve (issued or existing). */
  tlsSecretName: string;
  /** Whether this project renders the cert-manager Certificate (the chart does not). */
  rendersCertificate: boolean;
  secretKeys: string[];
  dataStore: 'rocksdb' | 'postgresql' | 'foundationdb';
  /** The chart's ports with the spec's enablement applied. */
  ports: Array<ChartPort & { enabled: boolean }>;
  image: { repository: string; tag: string };
}

export function createRenderContext(spec: InstanceSpec): RenderContext {
  const flavor = getChartFlavor(spec.chart);
  const names = flavor.objectNames(spec.name, { replicas: spec.replicas });
  const switches = spec.service.ports as Record<string, boolean | undefined>;
  return {
    spec,
    flavor,
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

/** The enabled ports' `name: port` map, in the chart's order. */
export function enabledPortMap(ctx: RenderContext): Record<string, number> {
  return Object.fromEntries(
    ctx.ports.filter(p => p.enabled).map(p => [p.name, p.port]),
  );
}
