import { generateFleet } from '@stalwart-backstage/simulator';
import {
  catalogLookup,
  coreView,
  stalwartStatuses,
  stalwartView,
} from './backend/entityViews';
import { cpuSeconds, rssMB } from './backend/processUsage';
import { startFleetBackend } from './backend/startFleetBackend';
import { fleetCatalogYaml } from './fleet/fleetCatalog';
import { fleetInstances, spreadSample } from './fleet/fleetInstances';
import { startFleetSimulator } from './fleet/startFleetSimulator';
import { FLEET_PAGE_COLD_START, measureColdStart } from './measure/coldStart';
import { measureEntityViews } from './measure/entityViews';
import { idleCpuPercent, measureManyViewers } from './measure/manyViewers';
import {
  measureScaffolderTask,
  type ScaffolderResult,
} from './measure/scaffolder';
import type { BenchOptions } from './options';
import type { SizeResult } from './results';
import { round } from './stats';

const SETTLE_MS = 2_000;
/** The machine is shared: stop growing either process past this (watch connections cost memory). */
const MAX_RSS_MB = 4_000;

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/**
 * Everything measured at one fleet size: a simulator with the fleet, the real backend pointed
 * at it, then cold start, memory, entity views and many viewers, both plugins on the same
 * entities. Both processes are stopped whatever happens.
 */
export async function measureSize(options: {
  bench: BenchOptions;
  instances: number;
  now: Date;
  withScaffolder: boolean;
  log: (line: string) => void;
}): Promise<{ size: SizeResult; scaffolder?: ScaffolderResult }> {
  const { bench, instances: n, now, log } = options;
  const fleet = fleetInstances(
    generateFleet({ instances: n, clusters: bench.clusters, now }),
  );
  log(`N = ${n}: starting the simulator`);
  const simulator = await startFleetSimulator({
    instances: n,
    clusters: bench.clusters,
    now,
  });
  try {
    await simulator.setLatency(bench.latencyMs);
    log(`N = ${n}: starting the backend`);
    const backend = await startFleetBackend({
      simulator,
      catalogYaml: fleetCatalogYaml(fleet),
      mode: bench.backend,
      log: line => log(`N = ${n}: ${line}`),
    });
    try {
      log(
        `N = ${n}: backend ready in ${round(
          backend.startSeconds,
          1,
        )} s; waiting for the catalog`,
      );
      const catalogIngestSeconds = await backend.waitForFleetEntities(
        n,
        bench.ingestTimeoutMs,
      );
      await sleep(SETTLE_MS);
      const rssMBBeforeCache = round(rssMB(backend.pid), 1);
      const views = {
        stalwart: stalwartView(backend.baseUrl, backend.token),
        core: coreView(backend.baseUrl, backend.token),
      };
      const counts = () => simulator.counts();

      log(
        `N = ${n}: cold start (${catalogIngestSeconds.toFixed(
          1,
        )} s catalog ingestion)`,
      );
      const cpuBefore = [cpuSeconds(backend.pid), cpuSeconds(simulator.pid)];
      const warmUp = await measureColdStart({
        instances: fleet,
        views: stalwartStatuses(backend.baseUrl, backend.token),
        ...FLEET_PAGE_COLD_START,
        counts,
        timeoutMs: bench.coldStartTimeoutMs,
        stopReason: () => memoryBoundReached(backend.pid, simulator.pid),
      });
      const coldStart = {
        ...warmUp,
        backendCpuSeconds: round(cpuSeconds(backend.pid) - cpuBefore[0], 2),
        simulatorCpuSeconds: round(cpuSeconds(simulator.pid) - cpuBefore[1], 2),
      };
      await sleep(SETTLE_MS);
      const rssMBFleetCached = round(rssMB(backend.pid), 1);

      log(
        `N = ${n}: entity views (${coldStart.complete}/${n} complete after ${coldStart.seconds} s)`,
      );
      const sample = spreadSample(fleet, bench.sampleEntities);
      const entityView = await measureEntityViews({
        sample,
        views: bench.views,
        plugins: {
          ...views,
          catalog: catalogLookup(backend.baseUrl, backend.token),
        },
        counts,
      });

      log(`N = ${n}: many viewers`);
      const idle = await idleCpuPercent(backend.pid, bench.idleBaselineMs);
      const load = (view: typeof views.stalwart) =>
        measureManyViewers({
          instance: sample[0],
          load: bench.load,
          view,
          counts,
          backendPid: backend.pid,
          simulatorPid: simulator.pid,
        });
      const stalwartLoad = await load(views.stalwart);
      const coreLoad = await load(views.core);

      if (options.withScaffolder) log(`N = ${n}: scaffolder task`);
      const scaffolder = options.withScaffolder
        ? await measureScaffolderTask({
            baseUrl: backend.baseUrl,
            token: backend.token,
          })
        : undefined;
      const failed =
        coldStart.complete < n ||
        entityView.stalwart.failures + entityView.core.failures > 0 ||
        stalwartLoad.failures + coreLoad.failures > 0;
      return {
        size: {
          instances: n,
          clusters: bench.clusters,
          backend: {
            startSeconds: round(backend.startSeconds, 1),
            catalogIngestSeconds: round(catalogIngestSeconds, 1),
            rssMBBeforeCache,
            rssMBFleetCached,
            rssMBAtEnd: round(rssMB(backend.pid), 1),
            ...(failed ? { logTail: backend.logs().slice(-3000) } : {}),
          },
          coldStart,
          entityView,
          manyViewers: {
            idleCpuPercent: idle,
            entityRef: sample[0].entityRef,
            stalwart: stalwartLoad,
            core: coreLoad,
          },
        },
        scaffolder,
      };
    } catch (error) {
      throw new Error(
        `${error}\n--- backend log (tail) ---\n${backend.logs().slice(-2000)}`,
      );
    } finally {
      log(`N = ${n}: stopping the backend`);
      await backend.stop();
    }
  } finally {
    await simulator.stop();
  }
}

/** Why to stop warming the cache: a process that grew past the bound or is gone. */
function memoryBoundReached(backendPid: number, simulatorPid: number) {
  for (const [name, pid] of [
    ['backend', backendPid],
    ['simulator', simulatorPid],
  ] as const) {
    let rss: number;
    try {
      rss = rssMB(pid);
    } catch {
      return `the ${name} process exited`;
    }
    if (rss > MAX_RSS_MB) {
      return `the ${name} grew to ${Math.round(
        rss,
      )} MB RSS, past the benchmark's ${MAX_RSS_MB} MB bound`;
    }
  }
  return undefined;
}
