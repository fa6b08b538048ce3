import { http, RequestHandler } from 'msw';
import { SimulatedCluster } from './kube/SimulatedCluster';
import { handleKubeRequest } from './kube/handleKubeRequest';
import {
  authorizePortForward,
  PortForwardDecision,
} from './kube/portForwardAccess';
import { kubeStatus, statusResponse } from './kube/status';
import { startWorkloadController } from './kube/controllers/workloadController';
import { startFluxController } from './kube/controllers/fluxController';
import { startArgoCdController } from './kube/controllers/argoCdController';
import { StalwartFleet } from './stalwart/StalwartFleet';
import { SimulatorControl } from './control/SimulatorControl';
import { Faults } from './control/Faults';
import { RequestCounter } from './control/RequestCounter';
import { isWatchRequest } from './kube/parseKubePath';
import { handleControlRequest } from './control/handleControlRequest';
import { loadScenario } from './scenario/loadScenario';
import { Scenario } from './scenario/types';
import {
  startGitOpsReconciler,
  type GitOpsOptions,
  type GitOpsReconciler,
} from './gitops/startGitOpsReconciler';
import { startInfrastructureControllers } from './gitops/infrastructureControllers';

/** @public */
export interface SimulatorOptions {
  /** A scenario, or the path of a scenario directory. */
  scenario: Scenario | string;
  /** The origin the handlers answer on (default `http://simulator.local`). */
  baseUrl?: string;
  now?: () => Date;
  /** Delay between pod replacements in a rollout (default 0: immediate). */
  rolloutStepMs?: number;
  /** How often watches with `allowWatchBookmarks` get a BOOKMARK (default 10 s). */
  bookmarkIntervalMs?: number;
  /** Seed for fault injection. */
  seed?: number;
  /** Reconcile a fleet repository into the clusters, as Flux and Argo CD would. */
  gitops?: GitOpsOptions;
}

/** @public */
export interface SimulatedClusterEndpoint {
  name: string;
  url: string;
  token: string;
}

/** @public */
export interface Simulator {
  /** msw v2 handlers serving every cluster and the control API under `baseUrl`. */
  handlers: RequestHandler[];
  clusters: SimulatedClusterEndpoint[];
  control: SimulatorControl;
  state: { clusters: Map<string, SimulatedCluster>; fleet: StalwartFleet };
  /** Serves one request (what the handlers call). */
  handle(request: Request): Promise<Response>;
  /** Decides a `pods/portforward` upgrade request (the HTTP server carries the stream). */
  portForward(request: Request): Promise<PortForwardDecision>;
  /** The simulated Flux/Argo CD, when `gitops` was given. */
  gitops?: GitOpsReconciler;
  /** Stops controllers and closes open watches. */
  close(): void;
}

// Namespaces and CRDs first, as `kubectl apply` of a directory would need them.
const APPLY_ORDER = ['Namespace', 'CustomResourceDefinition'];
const rank = (o: any) => {
  const index = APPLY_ORDER.indexOf(o.kind);
  return index < 0 ? APPLY_ORDER.length : index;
};

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/**
 * Builds the simulated clusters and Stalwart servers of a scenario. The first cluster
 * is also served at the root, so `kubectl --server <baseUrl>` reaches it; every cluster
 * is under `<baseUrl>/clusters/<name>`; the control API is under `<baseUrl>/_simulator/`.
 *
 * @public
 */
export function createSimulator(options: SimulatorOptions): Simulator {
  const now = options.now ?? (() => new Date());
  const scenario =
    typeof options.scenario === 'string'
      ? loadScenario(options.scenario, { now: now() })
      : options.scenario;
  const baseUrl = (options.baseUrl ?? 'http://simulator.local').replace(
    /\/$/,
    '',
  );
  const fleet = new StalwartFleet();
  const clusters = new Map<string, SimulatedCluster>();
  const stops: Array<() => void> = [];

  for (const spec of scenario.clusters) {
    const cluster = new SimulatedCluster(
      spec.name,
      spec.kubernetesVersion,
      spec.users,
      now,
    );
    const ordered = [...spec.manifests].sort((a, b) => rank(a) - rank(b));
    for (const manifest of ordered) cluster.apply(manifest);
    spec.stalwartServers.forEach(doc => fleet.add(cluster, doc));
    stops.push(
      fleet.watch(cluster),
      startWorkloadController(cluster, {
        now,
        stepMs: options.rolloutStepMs ?? 0,
      }),
      startFluxController(cluster, now),
      startArgoCdController(cluster, now),
    );
    // Only a GitOps-run world issues certificates and addresses on its own: scenarios keep
    // the states they declare (a pending address, an expiring certificate).
    if (options.gitops) {
      stops.push(
        startInfrastructureControllers(cluster, {
          now,
          certificateDelayMs: options.gitops.certificateDelayMs ?? 3000,
          loadBalancerDelayMs: options.gitops.loadBalancerDelayMs ?? 5000,
        }),
      );
    }
    clusters.set(spec.name, cluster);
  }
  const gitops =
    options.gitops &&
    startGitOpsReconciler(clusters, fleet, { ...options.gitops, now });
  if (gitops) stops.push(gitops.stop);
  const faults = new Faults(options.seed);
  const requests = new RequestCounter();
  const control = new SimulatorControl(clusters, fleet, faults, requests);
  const defaultCluster = [...clusters.values()][0];

  /** The cluster a path addresses, and the path inside its root. */
  function route(path: string) {
    const match = path.match(/^\/clusters\/([^/]+)(\/.*)?$/);
    return {
      cluster: match
        ? clusters.get(decodeURIComponent(match[1]))
        : defaultCluster,
      name: match?.[1],
      pathname: match ? match[2] ?? '/' : path,
      basePath: match ? `/clusters/${match[1]}` : '',
    };
  }

  /** Injected latency, then an injected failure if a rule fires. */
  async function injectedFault(path: string) {
    const delay = faults.delayFor(path);
    if (delay > 0) await sleep(delay);
    const failure = faults.failureFor(path);
    return failure
      ? kubeStatus(failure, 'InternalError', `injected fault for ${path}`)
      : undefined;
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname;
    if (path.startsWith('/_simulator/'))
      return handleControlRequest(
        control,
        request,
        path.slice('/_simulator'.length),
      );
    const { cluster, name, pathname, basePath } = route(path);
    requests.count(cluster?.name ?? String(name), {
      watch: isWatchRequest(url.searchParams),
    });
    const failure = await injectedFault(path);
    if (failure) return statusResponse(failure);

    if (!cluster)
      return statusResponse(kubeStatus(404, 'NotFound', `no cluster ${name}`));
    return requests.countBody(
      cluster.name,
      await handleKubeRequest({
        cluster,
        request,
        pathname,
        basePath,
        resolveBackend: fleet.resolveBackend,
        bookmarkIntervalMs: options.bookmarkIntervalMs ?? 10_000,
      }),
    );
  }

  async function portForward(request: Request): Promise<PortForwardDecision> {
    const path = new URL(request.url).pathname;
    const { cluster, name, pathname } = route(path);
    requests.count(cluster?.name ?? String(name), { watch: false });
    const failure = await injectedFault(path);
    if (failure) return { status: failure };
    if (!cluster)
      return { status: kubeStatus(404, 'NotFound', `no cluster ${name}`) };
    return authorizePortForward({
      cluster,
      request,
      pathname,
      resolveBackend: fleet.resolveBackend,
    });
  }

  const escaped = baseUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const handlers = [
    http.all(new RegExp(`^${escaped}(/.*)?$`), ({ request }) =>
      handle(request),
    ),
  ];
  return {
    handlers,
    clusters: scenario.clusters.map(c => ({
      name: c.name,
      url: `${baseUrl}/clusters/${encodeURIComponent(c.name)}`,
      token: c.users[0].token,
    })),
    control,
    state: { clusters, fleet },
    handle,
    portForward,
    gitops,
    close() {
      stops.forEach(stop => stop());
      clusters.forEach(c => c.dropWatches());
    },
  };
}
