import type { ChartFlavor } from '@stalwart-backstage/plugin-stalwart-charts';
import type { SimulatedCluster } from '../kube/SimulatedCluster';
import type {
  SimulatedStalwart,
  StalwartFleet,
} from '../stalwart/StalwartFleet';
import {
  applyAndPrune,
  prepareObjects,
  type InventoryEntry,
} from './applyObjects';
import { ensureStalwartForRelease } from './stalwartForRelease';

export type DeployOutcome =
  | {
      ok: true;
      inventory: InventoryEntry[];
      stalwart: SimulatedStalwart;
      /** Whether this deploy started the release's Stalwart (its first install). */
      started: boolean;
    }
  | { ok: false; message: string };

/** The workload the descriptor names; its name never depends on the replica count. */
function workloadOf(objects: any[], flavor: ChartFlavor, releaseName: string) {
  const { workload } = flavor.objectNames(releaseName, { replicas: 1 });
  return objects.find(
    o =>
      ['StatefulSet', 'Deployment'].includes(o.kind) &&
      o.metadata.name === workload,
  );
}

/**
 * Applies what a chart rendered for a release (or none of it), prunes what `previous` held and
 * this set does not, and starts the simulated Stalwart behind the release's pods: what Flux or
 * Argo CD does after `helm template`, and what a test does to stand up a freshly rendered
 * instance without a fleet repository.
 */
export function deployRendered(options: {
  cluster: SimulatedCluster;
  fleet: StalwartFleet;
  flavor: ChartFlavor;
  release: string;
  namespace: string;
  objects: any[];
  previous?: InventoryEntry[];
}): DeployOutcome {
  const { cluster, flavor, release, namespace } = options;
  const prepared = prepareObjects(cluster, options.objects, namespace);
  if (!prepared.ok) return prepared;
  const workload = workloadOf(prepared.objects, flavor, release);
  const started = !options.fleet.find(cluster.name, namespace, release);
  // Registered before the pods exist, so each v0.15 pod boots the ConfigMap as it starts.
  const stalwart = ensureStalwartForRelease({
    cluster,
    fleet: options.fleet,
    flavor,
    release,
    namespace,
    replicas: workload?.spec?.replicas ?? 1,
    workload,
    objects: prepared.objects,
  });
  const inventory = applyAndPrune(
    cluster,
    prepared.objects,
    options.previous ?? [],
  );
  return { ok: true, inventory, stalwart, started };
}
