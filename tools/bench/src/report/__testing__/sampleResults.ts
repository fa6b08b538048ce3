import type { ViewSeries } from '../../measure/entityViews';
import type { LoadResult } from '../../measure/manyViewers';
import type { BenchResults, SizeResult } from '../../results';

const series = (medianMs: number, perView: number): ViewSeries => ({
  views: 200,
  failures: 0,
  incomplete: 0,
  medianMs,
  p95Ms: medianMs * 2,
  kubernetesRequestsPerView: perView,
  maxKubernetesRequestsPerView: perView,
});

const load = (requests: number, cpu: number): LoadResult => ({
  views: 300,
  failures: 0,
  incomplete: 0,
  seconds: 60,
  kubernetesRequests: requests,
  kubernetesWatches: 0,
  backendCpuSeconds: cpu,
  backendCpuPercent: (cpu / 60) * 100,
  simulatorCpuSeconds: 1,
  otherProcessesCores: 1.2,
  medianMs: 10,
  p95Ms: 20,
});

/** A size with the given medians, cold start and RSS; everything else plausible. */
export function sampleSize(
  instances: number,
  figures: { ours: number; core: number; cold: number; rss: number },
): SizeResult {
  return {
    instances,
    clusters: 3,
    backend: {
      startSeconds: 15,
      catalogIngestSeconds: 4,
      rssMBBeforeCache: 600,
      rssMBFleetCached: figures.rss,
      rssMBAtEnd: figures.rss + 100,
    },
    coldStart: {
      seconds: figures.cold,
      complete: instances,
      instances,
      rounds: 1,
      statusRequests: instances,
      failures: 0,
      kubernetesRequests: instances * 14,
      kubernetesWatches: instances * 7,
      stoppedEarly: false,
    },
    entityView: {
      stalwart: series(figures.ours, 0),
      core: series(figures.core, 42),
      catalog: series(figures.ours / 2, 0),
    },
    manyViewers: {
      idleCpuPercent: 1,
      entityRef: 'component:default/stalwart-0000',
      stalwart: load(0, 3),
      core: load(12_600, 25),
    },
  };
}

export function sampleResults(sizes: SizeResult[]): BenchResults {
  return {
    schema: 1,
    profile: 'full',
    startedAt: '2026-11-21T12:00:00.000Z',
    finishedAt: '2026-11-21T12:30:00.000Z',
    durationSeconds: 1800,
    machine: {
      atStart: {
        nproc: 2,
        memoryGiB: 23.5,
        cpuModel: 'Test CPU',
        node: 'v22.23.3',
        kernel: '6.1.0',
        loadAverage: [6.9, 6.3, 4.4],
      },
      loadAverageAtEnd: [5, 5, 5],
    },
    settings: {
      backend: 'built',
      sizes: sizes.map(s => s.instances),
      clusters: 3,
      latencyMs: 20,
      views: 200,
      sampleEntities: 20,
      load: { viewers: 50, intervalMs: 10_000, durationMs: 60_000 },
    },
    sizes,
    sizeErrors: [],
    targets: [],
  };
}
