import type { ChartFlavor } from '@stalwart-backstage/plugin-stalwart-charts';
import type { SimulatedCluster } from '../kube/SimulatedCluster';
import type { StalwartFleet } from '../stalwart/StalwartFleet';
import type { StalwartServerDocument } from '../stalwart/types';

/** The text under `key` of the rendered ConfigMap or Secret `name` (Secret data is base64). */
function renderedConfigText(
  objects: readonly any[],
  ref: { kind: string; name: string; key: string },
): string | undefined {
  const object = objects.find(
    o => o.kind === ref.kind && o.metadata?.name === ref.name,
  );
  if (!object) return undefined;
  if (object.kind === 'Secret') {
    const encoded = object.data?.[ref.key];
    return (
      object.stringData?.[ref.key] ??
      (encoded === undefined
        ? undefined
        : Buffer.from(encoded, 'base64').toString('utf8'))
    );
  }
  return object.data?.[ref.key];
}

/**
 * A v0.16 pod boots its data store from the chart's `config.json`, and `x:DataStore/get`
 * answers that file (shared/docs/stalwart-v016.md "config.json holds only one tagged
 * DataStore object"; S v0.16.18 crates/jmap/src/registry/get.rs).
 */
function bootRegistry(text: string | undefined) {
  if (text === undefined) return undefined;
  try {
    return { 'x:DataStore': JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/**
 * Registers the simulated Stalwart behind a release's pods once: the image tag the chart
 * renders picks the generation, the descriptor's selector finds the pods and, on v0.15, each
 * pod boots the chart's ConfigMap with the node id its init container substitutes; on v0.16
 * the registry starts from the rendered config.json's data store and the server's defaults.
 */
export function ensureStalwartForRelease(options: {
  cluster: SimulatedCluster;
  fleet: StalwartFleet;
  flavor: ChartFlavor;
  release: string;
  namespace: string;
  replicas: number;
  workload: any;
  /** The objects the chart rendered, where a v0.16 pod finds its config.json. */
  objects?: readonly any[];
}) {
  const { cluster, fleet, flavor, release, namespace } = options;
  const existing = fleet.find(cluster.name, namespace, release);
  if (existing) return existing;
  const topology = { replicas: options.replicas };
  const names = flavor.objectNames(release, topology);
  const image: string =
    options.workload?.spec?.template?.spec?.containers?.[0]?.image ?? '';
  const version = image.includes(':')
    ? image.slice(image.lastIndexOf(':') + 1)
    : flavor.image.tag;
  const scheme = flavor.nodeIds(topology);
  const registry =
    flavor.generation === 'v0.16'
      ? bootRegistry(renderedConfigText(options.objects ?? [], names.config))
      : undefined;
  const document: StalwartServerDocument = {
    apiVersion: 'simulator.stalwart-backstage.io/v1alpha1',
    kind: 'StalwartServer',
    metadata: { name: release, namespace },
    spec: {
      version,
      podSelector: flavor.podSelector(release),
      httpPort: 8080,
      serverDefaults: true,
      ...(registry ? { registry } : {}),
      ...(flavor.generation === 'v0.15' && names.config.kind === 'ConfigMap'
        ? {
            config: {
              configMap: { name: names.config.name, key: names.config.key },
              substitutions:
                scheme.type === 'pod-ordinal' &&
                scheme.via === 'init-container-substitution'
                  ? { __NODE_ID__: 'podOrdinal' }
                  : undefined,
            },
          }
        : {}),
    },
  } as StalwartServerDocument;
  return fleet.add(cluster, document);
}
