import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import {
  getGuestToken,
  startBackend,
  waitFor,
} from '@stalwart-backstage/test-harness';
import type { FleetSimulator } from '../fleet/startFleetSimulator';
import { clusterLocatorEntries } from '@stalwart-backstage/simulator';
import type { BackendMode } from '../options';
import { compileBackend } from './compileBackend';
import { childPids } from './processUsage';

/** The example backend, pointed at one simulated fleet, with a signed-in user. */
export interface FleetBackend {
  baseUrl: string;
  pid: number;
  /** A guest user's Backstage token, as the app sends it. */
  token: string;
  /** Seconds from spawning the process to its readiness endpoint answering. */
  startSeconds: number;
  /** Waits until the catalog holds `count` fleet entities; returns the seconds it took. */
  waitForFleetEntities(count: number, timeoutMs: number): Promise<number>;
  logs(): string;
  stop(): Promise<void>;
}

// The benchmark only runs inside the monorepo (it compiles or transforms its sources).
// eslint-disable-next-line no-restricted-syntax
const REPO_ROOT = resolve(__dirname, '../../../..');

/** The app's own catalog locations, targets made absolute, so the template stays registered. */
function appCatalogLocations(): Array<Record<string, unknown>> {
  const appConfig = parse(
    readFileSync(join(REPO_ROOT, 'app-config.yaml'), 'utf8'),
  );
  const backendDir = join(REPO_ROOT, 'packages/backend');
  return (appConfig?.catalog?.locations ?? []).map(
    (location: Record<string, unknown>) =>
      location.type === 'file'
        ? { ...location, target: resolve(backendDir, String(location.target)) }
        : location,
  );
}

/**
 * Starts packages/backend with both Kubernetes plugins reading the simulated fleet's clusters
 * (the core plugin's usual multiTenant setup) and the fleet's entities in its catalog.
 */
export async function startFleetBackend(options: {
  simulator: FleetSimulator;
  catalogYaml: string;
  mode: BackendMode;
  log?: (line: string) => void;
}): Promise<FleetBackend> {
  const { simulator } = options;
  const compiled =
    options.mode === 'built' ? compileBackend(REPO_ROOT) : undefined;
  if (compiled) {
    options.log?.(
      `compiled the backend and ${compiled.packages.join(
        ', ',
      )} in ${compiled.compileSeconds.toFixed(1)} s`,
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'stalwart-bench-'));
  const cleanUp = () => {
    rmSync(dir, { recursive: true, force: true });
    compiled?.remove();
  };
  const catalogFile = join(dir, 'fleet-entities.yaml');
  writeFileSync(catalogFile, options.catalogYaml);
  const fleetFilters = simulator.clusters
    .map(c => `filter=metadata.annotations.stalwart.io/clusters=${c.name}`)
    .join('&');

  const before = new Set(childPids());
  const spawnedAt = performance.now();
  const backend = await startBackend({
    configFiles: ['app-config.yaml'],
    // Request logs at info level would cost both plugins the same; leave them out of the figures.
    env: { ...compiled?.env, LOG_LEVEL: 'warn' },
    nodeArgs: compiled?.nodeArgs,
    timeoutMs: 300_000,
    config: {
      backend: {
        database: { client: 'better-sqlite3', connection: ':memory:' },
      },
      catalog: {
        locations: [
          ...appCatalogLocations(),
          { type: 'file', target: catalogFile },
        ],
      },
      kubernetes: {
        serviceLocatorMethod: { type: 'multiTenant' },
        clusterLocatorMethods: [
          {
            type: 'config',
            clusters: clusterLocatorEntries(
              simulator.clusters,
              simulator.certificate,
            ),
          },
        ],
      },
      stalwart: {
        gitops: { localRepository: join(dir, 'fleet-repo') },
        // The owner notifications read every status 20 s after start, while the catalog still
        // ingests the fleet: they would warm the watch cache before the cold start is measured.
        notifications: { enabled: false },
      },
      // The benchmark signs in as a guest on loopback, production mode included.
      auth: {
        providers: { guest: { dangerouslyAllowOutsideDevelopment: true } },
      },
    },
  }).catch(error => {
    cleanUp();
    throw error;
  });
  const startSeconds = (performance.now() - spawnedAt) / 1000;
  const stop = async () => {
    await backend.stop();
    cleanUp();
  };

  try {
    const spawned = childPids().filter(pid => !before.has(pid));
    if (spawned.length !== 1) {
      throw new Error(
        `expected one new child process for the backend, found ${spawned.length}`,
      );
    }
    const token = await getGuestToken(backend.baseUrl);
    return {
      baseUrl: backend.baseUrl,
      pid: spawned[0],
      token,
      startSeconds,
      async waitForFleetEntities(count, timeoutMs) {
        const started = performance.now();
        await waitFor(
          `${count} fleet entities in the catalog`,
          async () => {
            const res = await fetch(
              `${backend.baseUrl}/api/catalog/entities/by-query?${fleetFilters}&limit=1`,
              { headers: { authorization: `Bearer ${token}` } },
            );
            if (!res.ok) return false;
            const body = (await res.json()) as { totalItems: number };
            return body.totalItems >= count;
          },
          { timeoutMs, intervalMs: 1_000 },
        );
        return (performance.now() - started) / 1000;
      },
      logs: backend.logs,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
