import type { MachineInfo } from './machine';
import type { ColdStartResult } from './measure/coldStart';
import type { EntityViewResult } from './measure/entityViews';
import type { LoadResult } from './measure/manyViewers';
import type { NoiseRun } from './measure/noiseComparison';
import type { ScaffolderResult } from './measure/scaffolder';
import type { ScriptBenchResult } from './measure/scriptBenches';
import type { BenchOptions } from './options';
import type { PluginName } from './backend/entityViews';

/** Everything measured at one fleet size, with one backend process. */
export interface SizeResult {
  instances: number;
  clusters: number;
  backend: {
    /** Spawn to readiness, from the TypeScript sources as `yarn start` runs them. */
    startSeconds: number;
    catalogIngestSeconds: number;
    /** With the fleet's entities in the catalog, before any status was asked for. */
    rssMBBeforeCache: number;
    /** With every instance's objects in the watch cache. */
    rssMBFleetCached: number;
    /** After the views and the load. */
    rssMBAtEnd: number;
    /** The end of the backend's log (warnings and errors only), kept when something failed. */
    logTail?: string;
  };
  coldStart: ColdStartResult;
  entityView: EntityViewResult;
  manyViewers: {
    idleCpuPercent: number;
    entityRef: string;
  } & Record<PluginName, LoadResult>;
}

/** A target of issue 9, judged on this run's figures. */
export interface TargetVerdict {
  id: 'view-speed' | 'viewer-requests' | 'memory' | 'cold-start' | 'drift';
  target: string;
  /** The size the figures come from. */
  instances?: number;
  measured: string;
  /** `undefined`: not measured. */
  met?: boolean;
  margin: string;
}

export interface BenchResults {
  schema: 1;
  profile: BenchOptions['profile'];
  startedAt: string;
  finishedAt: string;
  durationSeconds: number;
  machine: { atStart: MachineInfo; loadAverageAtEnd: number[] };
  settings: Pick<
    BenchOptions,
    'sizes' | 'clusters' | 'latencyMs' | 'views' | 'sampleEntities' | 'load'
  > & {
    /** Absent in runs from before the option: those ran the sources. */
    backend?: BenchOptions['backend'];
  };
  sizes: SizeResult[];
  /** Sizes that could not be measured, and why. */
  sizeErrors: Array<{ instances: number; error: string }>;
  drift?: ScriptBenchResult;
  render?: ScriptBenchResult;
  scaffolder?: ScaffolderResult;
  /** With `--noise N`: the largest size without and with N unrelated objects per cluster. */
  noise?: NoiseRun[];
  targets: TargetVerdict[];
}
