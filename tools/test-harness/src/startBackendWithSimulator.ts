import {
  clusterLocatorEntries,
  startSimulatorServer,
  type ClusterLocatorEntry,
  type GitOpsOptions,
  type SimulatorServer,
} from '@stalwart-backstage/simulator';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { DEMO_SCENARIO } from './demoPaths';
import { getGuestToken } from './guestToken';
import { waitFor } from './waitFor';
import { startBackend, type RunningBackend } from './startBackend';

/** The example backend wired to a simulated fleet, as the README's start command runs it. */
export type BackendWithSimulator = {
  simulator: SimulatorServer;
  backend: RunningBackend;
  /** The fleet repository the backend reads v0.16 plans from and adopts into. */
  fleetRepo: string;
  /** A guest user's token for the backend's APIs. */
  token: string;
  /** Calls the backend as that guest user: `request('/api/stalwart/v1/…')`; JSON bodies. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /**
   * GETs `path` as that user until it answers 2xx (a 404 until the catalog has ingested an
   * entity, say) and returns the JSON body.
   */
  waitForJson<T>(path: string): Promise<T>;
  stop(): Promise<void>;
};

/**
 * Starts the simulator on a free port (HTTPS, the demo scenario unless told otherwise) and
 * the example backend with app-config.yaml, its clusters pointed at the simulator exactly as
 * at real clusters (URL, service account token, CA), and an in-memory database. Unless the
 * config names `stalwart.gitops.localRepository`, the fleet repository is a fresh one seeded as
 * scripts/serve-demo.sh seeds the demo's, removed on stop.
 */
export async function startBackendWithSimulator(
  options: {
    scenarioDir?: string;
    config?: Record<string, unknown>;
    /**
     * Changes the clusters the backend is given, one per simulated cluster by default: e.g.
     * route one through a proxy, or add one whose URL nothing answers.
     */
    clusters?: (
      simulated: ClusterLocatorEntry[],
    ) => ClusterLocatorEntry[] | Promise<ClusterLocatorEntry[]>;
    /**
     * Let the simulated Flux and Argo CD reconcile a fleet repository into the clusters: by
     * default the one the backend reads and adopts into.
     */
    gitops?: Omit<GitOpsOptions, 'repoDir'> & { repoDir?: string };
  } = {},
): Promise<BackendWithSimulator> {
  const stalwart = (options.config?.stalwart ?? {}) as {
    gitops?: Record<string, unknown>;
  };
  const configuredRepo = stalwart.gitops?.localRepository as string | undefined;
  const seededRepo = configuredRepo
    ? undefined
    : mkdtempSync(join(tmpdir(), 'stalwart-fleet-'));
  if (seededRepo) await seedInChildProcess(seededRepo);
  const fleetRepo = (configuredRepo ?? seededRepo)!;
  const removeSeeded = () =>
    seededRepo && rmSync(seededRepo, { recursive: true, force: true });
  const simulator = await startSimulatorServer({
    scenarioDir: options.scenarioDir ?? DEMO_SCENARIO,
    port: 0,
    tls: true,
    gitops: options.gitops && {
      ...options.gitops,
      repoDir: options.gitops.repoDir ?? fleetRepo,
    },
  }).catch(error => {
    removeSeeded();
    throw error;
  });
  let backend: RunningBackend | undefined;
  try {
    const simulated = clusterLocatorEntries(
      simulator.clusters,
      simulator.certificate,
    );
    const clusters = options.clusters
      ? await options.clusters(simulated)
      : simulated;
    backend = await startBackend({
      configFiles: ['app-config.yaml'],
      config: {
        ...options.config,
        stalwart: {
          // app-config.yaml turns the owner notifier's drift reads on; in the background they
          // would add Stalwart requests to what a test counts. A test's own config decides.
          notifications: { drift: { enabled: false } },
          ...stalwart,
          gitops: { ...stalwart.gitops, localRepository: fleetRepo },
        },
        backend: {
          database: { client: 'better-sqlite3', connection: ':memory:' },
        },
        kubernetes: {
          serviceLocatorMethod: { type: 'multiTenant' },
          clusterLocatorMethods: [{ type: 'config', clusters }],
        },
      },
    });
    const token = await getGuestToken(backend.baseUrl);
    const started = backend;
    const request: BackendWithSimulator['request'] = (path, init = {}) =>
      fetch(`${started.baseUrl}${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${token}`,
          ...(init.body ? { 'content-type': 'application/json' } : {}),
          ...(init.headers as Record<string, string> | undefined),
        },
      });
    return {
      simulator,
      backend: started,
      fleetRepo,
      token,
      request,
      waitForJson: path =>
        waitFor(`GET ${path}`, async () => {
          const res = await request(path);
          return res.ok ? res.json() : undefined;
        }),
      async stop() {
        await started.stop();
        await simulator.close();
        removeSeeded();
      },
    };
  } catch (error) {
    await backend?.stop();
    await simulator.close();
    removeSeeded();
    throw error;
  }
}

/**
 * `yarn seed:fleet-repo <dir>`, as scripts/serve-demo.sh runs it: the renderer loads its
 * Kubernetes models with dynamic imports, which a jest test's module loader refuses.
 */
async function seedInChildProcess(dir: string) {
  // Test tooling only ever runs from the monorepo's sources, never from a production build.
  // eslint-disable-next-line no-restricted-syntax
  const root = resolve(__dirname, '../../..');
  await promisify(execFile)(
    process.execPath,
    [
      '--require',
      require.resolve('@backstage/cli/config/nodeTransform.cjs'),
      resolve(root, 'tools/test-harness/src/seedDemoFleetRepositoryCli.ts'),
      dir,
    ],
    { cwd: root },
  );
}
