import { generateFleet } from '@stalwart-backstage/simulator';
import { stalwartStatuses } from '../backend/entityViews';
import { rssMB } from '../backend/processUsage';
import { startFleetBackend } from '../backend/startFleetBackend';
import { fleetCatalogYaml } from '../fleet/fleetCatalog';
import { fleetInstances } from '../fleet/fleetInstances';
import { startFleetSimulator } from '../fleet/startFleetSimulator';
import type { BenchOptions } from '../options';
import { round } from '../stats';
import { FLEET_PAGE_COLD_START, measureColdStart } from './coldStart';

const SETTLE_MS = 2_000;

/** One fleet measured with a number of unrelated objects per cluster. */
export interface NoiseRun {
  noise: number;
  instances: number;
  rssMBBeforeCache: number;
  rssMBFleetCached: number;
  coldStartSeconds: number;
  complete: number;
  kubernetesRequests: number;
  /** Bytes the API servers sent during the cold start. */
  megabytesReceived: number;
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

async function measureWithNoise(
  bench: BenchOptions,
  instances: number,
  noise: number,
  now: Date,
  log: (line: string) => void,
): Promise<NoiseRun> {
  const fleet = fleetInstances(
    generateFleet({ instances, clusters: bench.clusters, now }),
  );
  log(`noise ${noise}: starting the simulator`);
  const simulator = await startFleetSimulator({
    instances,
    clusters: bench.clusters,
    now,
    noise,
  });
  try {
    await simulator.setLatency(bench.latencyMs);
    const backend = await startFleetBackend({
      simulator,
      catalogYaml: fleetCatalogYaml(fleet),
      mode: bench.backend,
      log: line => log(`noise ${noise}: ${line}`),
    });
    try {
      await backend.waitForFleetEntities(instances, bench.ingestTimeoutMs);
      await sleep(SETTLE_MS);
      const rssMBBeforeCache = round(rssMB(backend.pid), 1);
      log(`noise ${noise}: cold start`);
      const coldStart = await measureColdStart({
        instances: fleet,
        views: stalwartStatuses(backend.baseUrl, backend.token),
        ...FLEET_PAGE_COLD_START,
        counts: () => simulator.counts(),
        timeoutMs: bench.coldStartTimeoutMs,
      });
      await sleep(SETTLE_MS);
      return {
        noise,
        instances,
        rssMBBeforeCache,
        rssMBFleetCached: round(rssMB(backend.pid), 1),
        coldStartSeconds: coldStart.seconds,
        complete: coldStart.complete,
        kubernetesRequests: coldStart.kubernetesRequests,
        megabytesReceived: round((coldStart.kubernetesBytes ?? 0) / 1e6, 2),
      };
    } finally {
      await backend.stop();
    }
  } finally {
    await simulator.stop();
  }
}

/**
 * The same fleet measured twice, without and with `bench.noise` unrelated objects per
 * cluster, each with a fresh simulator and backend: what other teams' objects cost us.
 */
export async function measureNoiseComparison(options: {
  bench: BenchOptions;
  instances: number;
  now: Date;
  log: (line: string) => void;
}): Promise<NoiseRun[]> {
  const { bench, instances, now, log } = options;
  const runs: NoiseRun[] = [];
  for (const noise of [0, bench.noise]) {
    runs.push(await measureWithNoise(bench, instances, noise, now, log));
  }
  return runs;
}
