import type { SimulatedCluster } from '../kube/SimulatedCluster';
import type { StalwartFleet } from '../stalwart/StalwartFleet';
import { branchRevision, checkoutRevision } from './fleetCheckout';
import { findReleases, type FleetRelease } from './findReleases';
import type { BackstageCredentialsSecret } from './onboardInstance';
import { reconcileRelease } from './reconcileRelease';
import type { ReconcileOutcome } from './releaseStatus';
import { scenarioReleases } from './scenarioReleases';

/** @public */
export interface GitOpsOptions {
  /** The fleet repository (a git repository on disk; the embedded default's `.data/fleet-repo`). */
  repoDir: string;
  /** The branch Flux and Argo CD follow (default `main`). */
  branch?: string;
  /** The folder holding each flavor's real chart as `<referenceDir>/chart`. */
  chartsDir: string;
  /** How often the branch is polled (default 2 s). */
  pollMs?: number;
  /** How long cert-manager takes to issue a Certificate (default 3 s). */
  certificateDelayMs?: number;
  /** How long a LoadBalancer Service waits for its address (default 5 s). */
  loadBalancerDelayMs?: number;
  /**
   * The platform team's onboarding of each instance the reconciler first deploys stores
   * Backstage's Stalwart API key in this Secret (`stalwart.credentials.default`); without it
   * no key is made.
   */
  backstageCredentials?: BackstageCredentialsSecret;
}

/** @public */
export interface GitOpsReconciler {
  /** Reconciles the branch's current commit now; resolves with each release's outcome. */
  reconcileNow(): Promise<
    Array<{ release: FleetRelease; outcome: ReconcileOutcome }>
  >;
  /** The last reconciled commit. */
  revision(): string | undefined;
  stop(): void;
}

/**
 * A simulated Flux and Argo CD: watches the fleet repository's branch and, for each new
 * commit, reconciles every release it declares into the cluster its folder names
 * (`clusters/<cluster>/…` or `<cluster>/…`; any other folder goes to the first cluster), except
 * those the scenario already shows deployed from an unchanged declaration.
 */
export function startGitOpsReconciler(
  clusters: Map<string, SimulatedCluster>,
  fleet: StalwartFleet,
  options: GitOpsOptions & { now: () => Date },
): GitOpsReconciler {
  const branch = options.branch ?? 'main';
  const defaultCluster = [...clusters.values()][0];
  let reconciled: string | undefined;
  let running: Promise<any> | undefined;
  let stopped = false;

  const scenario = scenarioReleases();

  const clusterFor = (folder: string) => {
    const [first, second] = folder.split('/');
    return (
      clusters.get(first === 'clusters' ? second : first) ?? defaultCluster
    );
  };

  async function reconcileRevision(revision: string) {
    const checkout = await checkoutRevision(options.repoDir, revision);
    try {
      const releases = await findReleases(checkout.dir);
      const results = [];
      for (const release of releases) {
        const cluster = clusterFor(release.folder);
        if (scenario.isUnchanged(release, cluster)) continue;
        const outcome = await reconcileRelease(release, {
          cluster,
          fleet,
          chartsDir: options.chartsDir,
          credentials: options.backstageCredentials,
          revision,
          now: options.now,
        });
        results.push({ release, outcome });
      }
      reconciled = revision;
      return results;
    } finally {
      checkout.remove();
    }
  }

  async function reconcileNow() {
    while (running) await running.catch(() => undefined);
    const revision = await branchRevision(options.repoDir, branch);
    if (!revision) return [];
    running = reconcileRevision(revision);
    try {
      return await running;
    } finally {
      running = undefined;
    }
  }

  const timer = setInterval(() => {
    if (running || stopped) return;
    void branchRevision(options.repoDir, branch).then(revision => {
      if (revision && revision !== reconciled && !running && !stopped) {
        void reconcileNow().catch(error =>
          // eslint-disable-next-line no-console
          console.error(`gitops: reconciling ${revision} failed`, error),
        );
      }
    });
  }, options.pollMs ?? 2000);
  timer.unref?.();

  return {
    reconcileNow,
    revision: () => reconciled,
    stop() {
      stopped = true;
      clearInterval(timer);
    },
  };
}
