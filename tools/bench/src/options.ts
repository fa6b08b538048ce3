import { parseArgs } from 'node:util';

/** How the many-viewers load is shaped: each viewer refreshes one entity on an interval. */
export interface ViewerLoad {
  viewers: number;
  intervalMs: number;
  durationMs: number;
}

/** Everything one benchmark run does, resolved from the profile and the command line. */
/**
 * How the example backend runs: `built` compiles it once to plain JavaScript and runs node on
 * that with NODE_ENV=production, as operators run a build; `sources` runs its TypeScript
 * through the CLI's transform in development mode, as `yarn start` does.
 */
export type BackendMode = 'built' | 'sources';

export interface BenchOptions {
  profile: 'full' | 'quick';
  backend: BackendMode;
  /** Fleet sizes (instances); the backend is started once per size. */
  sizes: number[];
  clusters: number;
  /** Latency the simulated Kubernetes API adds to every request. */
  latencyMs: number;
  /** Entity views per plugin and size, interleaved between the two plugins. */
  views: number;
  /** How many distinct entities the views cycle through. */
  sampleEntities: number;
  load: ViewerLoad;
  /** Idle window before the load, to subtract the backend's background CPU. */
  idleBaselineMs: number;
  ingestTimeoutMs: number;
  coldStartTimeoutMs: number;
  /** The size at which memory is judged against the target. */
  memorySize: number;
  scripts: boolean;
  scaffolder: boolean;
  /** Where the JSON and the plot go. */
  outDir: string;
  /** Rewrite the generated part of docs/benchmarks.md. */
  writeDocs: boolean;
  /** Report from this results.json instead of measuring (tables, plot, doc). */
  from?: string;
  /**
   * Unrelated objects per cluster for the noise comparison (0: none): the largest size is
   * measured again without and with them, side by side.
   */
  noise: number;
}

const FULL: Omit<BenchOptions, 'outDir'> = {
  profile: 'full',
  backend: 'built',
  sizes: [10, 100, 1000, 5000],
  clusters: 3,
  latencyMs: 20,
  views: 200,
  sampleEntities: 20,
  load: { viewers: 50, intervalMs: 10_000, durationMs: 60_000 },
  idleBaselineMs: 10_000,
  ingestTimeoutMs: 15 * 60_000,
  coldStartTimeoutMs: 5 * 60_000,
  memorySize: 5000,
  scripts: true,
  scaffolder: true,
  writeDocs: true,
  noise: 0,
};

// Short windows: the quick run is a CI smoke test of the harness, not a measurement.
const QUICK: Omit<BenchOptions, 'outDir'> = {
  ...FULL,
  profile: 'quick',
  sizes: [10, 100],
  views: 30,
  sampleEntities: 10,
  // The full run's request rate (50 viewers / 10 s), for one refresh interval only.
  load: { viewers: 50, intervalMs: 10_000, durationMs: 10_000 },
  idleBaselineMs: 2_000,
  ingestTimeoutMs: 2 * 60_000,
  coldStartTimeoutMs: 60_000,
  // bench:drift and bench:render take about a minute together: they have their own scripts.
  scripts: false,
  writeDocs: false,
};

const USAGE = `Usage: yarn bench [--quick] [options]
  --quick                  N = 10 and 100, short windows (CI smoke test)
  --sizes 10,100,1000      fleet sizes (instances over --clusters clusters)
  --backend built          built (compiled once, NODE_ENV=production) or sources (yarn start's dev mode)
  --clusters 3             simulated clusters
  --latency-ms 20          latency added to every Kubernetes API request
  --views 200              entity views per plugin and size
  --viewers 50             concurrent viewers of one entity
  --viewer-interval-s 10   refresh interval of each viewer
  --viewer-duration-s 60   length of the many-viewers window
  --no-scripts             skip the drift and render rows (skipped by --quick)
  --no-scaffolder          skip the scaffolder row
  --out <dir>              where results.json and the plot go
  --no-docs                do not rewrite docs/benchmarks.md
  --noise 50000            also measure the largest size with and without N unrelated objects per cluster
  --from <results.json>    measure nothing: redo the tables, plot and doc from a run's JSON`;

/** A command-line mistake: the message names the option and the rule. */
export class UsageError extends Error {
  constructor(message: string, readonly helpRequested = false) {
    super(helpRequested ? USAGE : `${message}\n\n${USAGE}`);
    this.name = 'UsageError';
  }
}

function positiveInteger(name: string, raw: string | undefined, min = 1) {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    throw new UsageError(
      `--${name} must be an integer >= ${min}, got "${raw}"`,
    );
  }
  return value;
}

/** Reads the command line into options; `defaultOutDir` depends on the profile. */
export function parseBenchArgs(
  argv: string[],
  defaultOutDir: (profile: 'full' | 'quick') => string,
): BenchOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      options: {
        quick: { type: 'boolean' },
        sizes: { type: 'string' },
        backend: { type: 'string' },
        clusters: { type: 'string' },
        'latency-ms': { type: 'string' },
        views: { type: 'string' },
        viewers: { type: 'string' },
        'viewer-interval-s': { type: 'string' },
        'viewer-duration-s': { type: 'string' },
        'no-scripts': { type: 'boolean' },
        'no-scaffolder': { type: 'boolean' },
        out: { type: 'string' },
        'no-docs': { type: 'boolean' },
        from: { type: 'string' },
        noise: { type: 'string' },
        help: { type: 'boolean' },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.help) throw new UsageError('', true);
  const base = parsed.quick ? QUICK : FULL;
  const sizes = parsed.sizes
    ?.split(',')
    .map(s => positiveInteger('sizes', s.trim())!);
  const seconds = (name: string, raw: string | undefined) => {
    const value = positiveInteger(name, raw);
    return value === undefined ? undefined : value * 1000;
  };
  const backend = parsed.backend ?? base.backend;
  if (backend !== 'built' && backend !== 'sources') {
    throw new UsageError(
      `--backend must be built or sources, got "${parsed.backend}"`,
    );
  }
  return {
    ...base,
    backend,
    sizes: sizes ?? base.sizes,
    clusters: positiveInteger('clusters', parsed.clusters) ?? base.clusters,
    latencyMs:
      positiveInteger('latency-ms', parsed['latency-ms'], 0) ?? base.latencyMs,
    views: positiveInteger('views', parsed.views) ?? base.views,
    load: {
      viewers: positiveInteger('viewers', parsed.viewers) ?? base.load.viewers,
      intervalMs:
        seconds('viewer-interval-s', parsed['viewer-interval-s']) ??
        base.load.intervalMs,
      durationMs:
        seconds('viewer-duration-s', parsed['viewer-duration-s']) ??
        base.load.durationMs,
    },
    scripts: !parsed['no-scripts'] && base.scripts,
    scaffolder: !parsed['no-scaffolder'] && base.scaffolder,
    outDir: parsed.out ?? defaultOutDir(base.profile),
    writeDocs: !parsed['no-docs'] && base.writeDocs && !parsed.out,
    noise: positiveInteger('noise', parsed.noise, 0) ?? base.noise,
    ...(parsed.from ? { from: parsed.from } : {}),
  };
}
