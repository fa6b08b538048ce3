import type { ChartFlavor } from '@stalwart-backstage/plugin-stalwart-charts';
import type { SimulatedCluster } from '../kube/SimulatedCluster';
import type { StalwartFleet } from '../stalwart/StalwartFleet';
import type { StalwartServerDocument } from '../stalwart/types';

/**
 * Registers the simulated Stalwart behind a release's pods once: the image tag the chart
 * renders picks the generation, the descriptor's selector finds the pods and, on v0.15, each
 * pod boots the chart's ConfigMap with the node id its init container substitutes.
 */
export function ensureStalwartForRelease(options: {
  cluster: SimulatedCluster;
  fleet: StalwartFleet;
  flavor: ChartFlavor;
  release: string;
  namespace: string;
  replicas: number;
  workload: any;
}) {
  const { cluster, fleet, flavor, release, namespace } = options;
  if (fleet.find(cluster.name, namespace, release)) return;
  const topology = { replicas: options.replicas };
  const names = flavor.objectNames(release, topology);
  const image: string =
    options.workload?.spec?.template?.spec?.containers?.[0]?.image ?? '';
  const version = image.includes(':')
    ? image.slice(image.lastIndexOf(':') + 1)
    : flavor.image.tag;
  const scheme = flavor.nodeIds(topology);
  const document: StalwartServerDocument = {
    apiVersion: 'simulator.stalwart-backstage.io/v1alpha1',
    kind: 'StalwartServer',
    metadata: { name: release, namespace },
    spec: {
      version,
      podSelector: flavor.podSelector(release),
      httpPort: 8080,
      serverDefaults: true,
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
  fleet.add(cluster, document);
}
