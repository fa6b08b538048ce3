import type { ChartFlavor } from '@stalwart-backstage/plugin-stalwart-charts';
import { deployRendered } from '../gitops/deployRendered';
import { SimulatedCluster } from '../kube/SimulatedCluster';
import { StalwartFleet, SimulatedStalwart } from '../stalwart/StalwartFleet';
import { Faults, FaultRule } from './Faults';
import { ClusterRequestCounts, RequestCounter } from './RequestCounter';
import { StalwartFaultRule } from './StalwartFaults';

/**
 * Time travel and faults for tests and benchmarks: change objects (watchers see the
 * events), inject latency and errors, drop watches, restart an apiserver, and edit a
 * Stalwart server the way an operator would in its admin UI.
 *
 * @public
 */
export class SimulatorControl {
  constructor(
    private readonly clusters: Map<string, SimulatedCluster>,
    private readonly fleet: StalwartFleet,
    readonly faults: Faults,
    private readonly requests: RequestCounter,
  ) {}

  cluster(name?: string): SimulatedCluster {
    const cluster = name
      ? this.clusters.get(name)
      : [...this.clusters.values()][0];
    if (!cluster) throw new Error(`no cluster named ${JSON.stringify(name)}`);
    return cluster;
  }

  /** Creates or replaces an object; open watches receive ADDED or MODIFIED. */
  apply(clusterName: string, object: any): any {
    return this.cluster(clusterName).apply(object);
  }

  /**
   * Deploys what a chart rendered for a release, as the simulated Flux or Argo CD does after
   * `helm template` (hooks left out by the caller), and starts a fresh Stalwart behind its
   * pods: first-boot defaults, a v0.16 registry holding only the rendered config.json's store.
   */
  deployRelease(
    clusterName: string,
    release: {
      flavor: ChartFlavor;
      name: string;
      namespace: string;
      objects: any[];
    },
  ): SimulatedStalwart {
    const deployed = deployRendered({
      cluster: this.cluster(clusterName),
      fleet: this.fleet,
      flavor: release.flavor,
      release: release.name,
      namespace: release.namespace,
      objects: release.objects,
    });
    if (!deployed.ok) throw new Error(deployed.message);
    return deployed.stalwart;
  }

  delete(
    clusterName: string,
    ref: { apiVersion: string; kind: string; namespace?: string; name: string },
  ) {
    const cluster = this.cluster(clusterName);
    const type = cluster.typeOf(ref);
    if (!type) throw new Error(`unknown kind ${ref.apiVersion}/${ref.kind}`);
    return cluster.store.delete(type, ref.namespace, ref.name);
  }

  setLatency(ms: number, path?: string): void {
    this.faults.setLatency(ms, path);
  }

  addFault(rule: FaultRule): void {
    this.faults.addFault(rule);
  }

  /** An answer from Stalwart itself (401, 429 + Retry-After, HTTP 200 error, slow, …). */
  addStalwartFault(rule: StalwartFaultRule): void {
    this.fleet.faults.add(rule);
  }

  /** Each Stalwart fault rule with the requests it answered (e.g. a client's attempts after 429). */
  stalwartFaultHits(): Array<{ rule: StalwartFaultRule; fired: number }> {
    return this.fleet.faults.hits();
  }

  /** Removes every injected fault and latency, the apiserver's and Stalwart's. */
  clearFaults(): void {
    this.faults.clear();
    this.fleet.faults.clear();
  }

  /**
   * The Kubernetes API requests each cluster received since the start (or the last reset),
   * watches counted separately; answers from injected faults included.
   */
  requestCounts(): Record<string, ClusterRequestCounts> {
    return this.requests.snapshot();
  }

  resetRequestCounts(): void {
    this.requests.reset();
  }

  dropWatches(clusterName?: string): void {
    this.cluster(clusterName).dropWatches();
  }

  /** Closes all watches and compacts the resourceVersion history (old RVs answer 410). */
  restartApiServer(clusterName?: string): void {
    this.cluster(clusterName).restartApiServer();
  }

  stalwart(
    clusterName: string,
    namespace: string,
    name: string,
  ): SimulatedStalwart {
    const server = this.fleet.find(clusterName, namespace, name);
    if (!server)
      throw new Error(
        `no Stalwart server ${namespace}/${name} in cluster ${clusterName}`,
      );
    return server;
  }

  /**
   * Direct HTTP to one pod's management port, as through `kubectl port-forward`: unlike
   * the apiserver proxy, the `Authorization` header reaches Stalwart.
   */
  podFetch(
    clusterName: string,
    namespace: string,
    podName: string,
    port = 8080,
  ) {
    const cluster = this.cluster(clusterName);
    const pod = cluster.store.get(
      cluster.registry.find('', 'v1', 'pods')!,
      namespace,
      podName,
    );
    if (!pod)
      throw new Error(
        `no pod ${namespace}/${podName} in cluster ${clusterName}`,
      );
    const backend = this.fleet.resolveBackend(cluster, pod, port);
    return (path: string, init?: RequestInit): Promise<Response> => {
      if (!backend)
        return Promise.reject(
          new Error(`connection refused: ${podName}:${port}`),
        );
      return backend(
        new Request(
          `http://${pod.status?.podIP ?? '127.0.0.1'}:${port}${path}`,
          init,
        ),
      );
    };
  }

  /**
   * An edit through the admin UI: on v0.15 a settings write served by one pod (the
   * database for shared keys, that pod's config.toml for local keys); on v0.16 a
   * registry object update.
   */
  editThroughAdminUi(
    target: {
      cluster: string;
      namespace: string;
      name: string;
      podName?: string;
    },
    change: {
      settings?: Record<string, string>;
      registry?: { type: string; id: string; value: any };
    },
  ): void {
    const server = this.stalwart(target.cluster, target.namespace, target.name);
    if (server.v015 && change.settings) {
      const pods = server.cluster.store
        .list(server.cluster.registry.find('', 'v1', 'pods')!, target.namespace)
        .filter(
          p =>
            server.cluster === this.cluster(target.cluster) &&
            this.fleet.serverFor(server.cluster, p) === server,
        );
      const pod = pods.find(
        p => !target.podName || p.metadata.name === target.podName,
      );
      if (!pod) throw new Error(`no pod of ${target.name} to serve the edit`);
      server.v015.set(
        server.v015.podConfig(pod),
        Object.entries(change.settings),
      );
    }
    if (server.v016 && change.registry) {
      server.v016
        .objects(change.registry.type)
        .set(change.registry.id, structuredClone(change.registry.value));
    }
  }
}
