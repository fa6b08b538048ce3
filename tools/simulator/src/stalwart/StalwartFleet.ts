import { SimulatedCluster } from '../kube/SimulatedCluster';
import { BUILTIN_RESOURCE_TYPES } from '../kube/resourceTypes';
import { PodBackendResolver } from '../kube/proxyToPod';
import { StalwartServerDocument } from './types';
import { V015Server } from './v015/V015Server';
import { handleV015Request } from './v015/handleV015Request';
import { V016Server } from './v016/V016Server';
import { handleV016Request } from './v016/handleV016Request';
import { StalwartFaults } from '../control/StalwartFaults';

const POD = BUILTIN_RESOURCE_TYPES.find(t => t.kind === 'Pod')!;
const CONFIG_MAP = BUILTIN_RESOURCE_TYPES.find(t => t.kind === 'ConfigMap')!;

/** One simulated Stalwart server and the cluster its pods run in. */
export interface SimulatedStalwart {
  cluster: SimulatedCluster;
  document: StalwartServerDocument;
  generation: 'v0.15' | 'v0.16';
  v015?: V015Server;
  v016?: V016Server;
}

export const generationOf = (version: string): 'v0.15' | 'v0.16' => {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number);
  return major > 0 || minor >= 16 ? 'v0.16' : 'v0.15';
};

/**
 * Every simulated Stalwart server of a scenario: finds the server behind a pod, boots
 * a pod's config when the pod is created, and answers proxied requests.
 */
export class StalwartFleet {
  readonly servers: SimulatedStalwart[] = [];
  /** Answers injected in front of every pod's handler (see the control API). */
  readonly faults = new StalwartFaults();

  add(
    cluster: SimulatedCluster,
    document: StalwartServerDocument,
  ): SimulatedStalwart {
    const generation = generationOf(document.spec.version);
    const entry: SimulatedStalwart = { cluster, document, generation };
    if (generation === 'v0.15') {
      const source = document.spec.config?.configMap;
      entry.v015 = new V015Server(document, () =>
        source
          ? cluster.store.get(
              CONFIG_MAP,
              document.metadata.namespace,
              source.name,
            )?.data?.[source.key]
          : undefined,
      );
    } else {
      entry.v016 = new V016Server(document);
    }
    this.servers.push(entry);
    for (const pod of cluster.store.list(POD, document.metadata.namespace)) {
      if (this.matches(entry, pod)) entry.v015?.boot(pod);
    }
    return entry;
  }

  /** Boots pods as they are created, so each runs the config current at its start. */
  watch(cluster: SimulatedCluster): () => void {
    return cluster.onChange(event => {
      if (event.resource !== POD || event.type !== 'ADDED') return;
      const entry = this.serverFor(cluster, event.object);
      entry?.v015?.boot(event.object);
    });
  }

  find(
    clusterName: string,
    namespace: string,
    name: string,
  ): SimulatedStalwart | undefined {
    return this.servers.find(
      s =>
        s.cluster.name === clusterName &&
        s.document.metadata.namespace === namespace &&
        s.document.metadata.name === name,
    );
  }

  serverFor(
    cluster: SimulatedCluster,
    pod: any,
  ): SimulatedStalwart | undefined {
    return this.servers.find(
      s => s.cluster === cluster && this.matches(s, pod),
    );
  }

  private matches(entry: SimulatedStalwart, pod: any): boolean {
    if (pod.metadata.namespace !== entry.document.metadata.namespace)
      return false;
    const labels = pod.metadata.labels ?? {};
    return Object.entries(entry.document.spec.podSelector).every(
      ([k, v]) => labels[k] === v,
    );
  }

  readonly resolveBackend: PodBackendResolver = (cluster, pod, port) => {
    const entry = this.serverFor(cluster, pod);
    if (!entry || port !== (entry.document.spec.httpPort ?? 8080))
      return undefined;
    return this.faults.wrap(pod.metadata.name, request =>
      entry.v015
        ? handleV015Request(entry.v015, pod, request)
        : handleV016Request(entry.v016!, request),
    );
  };
}
