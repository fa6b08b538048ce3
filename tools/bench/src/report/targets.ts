import type { ScriptBenchResult } from '../measure/scriptBenches';
import type { SizeResult, TargetVerdict } from '../results';

const TARGET_SIZE = 1000;
const MEMORY_SIZE = 5000;

const fmt = (value: number, digits = 1) =>
  value.toLocaleString('en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  });

/** The result at `size`, else the largest measured below it (the verdict says which). */
function pick(sizes: SizeResult[], size: number): SizeResult | undefined {
  return (
    sizes.find(s => s.instances === size) ??
    [...sizes]
      .filter(s => s.instances < size)
      .sort((a, b) => b.instances - a.instances)[0]
  );
}

const atSize = (result: SizeResult, wanted: number) =>
  result.instances === wanted
    ? ''
    : ` (measured at N = ${fmt(result.instances)}; N = ${fmt(
        wanted,
      )} was not run)`;

function viewSpeed(result: SizeResult | undefined): TargetVerdict {
  const target =
    'Entity view >= 20x faster than the core plugin’s two calls at N = 1,000, and < 5 ms (medians)';
  const ours = result?.entityView.stalwart.medianMs;
  const core = result?.entityView.core.medianMs;
  if (!result || ours === undefined || core === undefined) {
    return { id: 'view-speed', target, measured: 'not measured', margin: '' };
  }
  const ratio = core / ours;
  const met = ratio >= 20 && ours < 5;
  return {
    id: 'view-speed',
    target,
    instances: result.instances,
    measured: `${fmt(ours, 2)} ms vs ${fmt(core, 2)} ms: ${fmt(ratio)}x${atSize(
      result,
      TARGET_SIZE,
    )}`,
    met,
    margin: [
      ratio >= 20
        ? `ratio ${fmt(ratio / 20, 2)}x the 20x floor`
        : `ratio short of 20x by ${fmt(20 - ratio)}x`,
      ours < 5
        ? `${fmt(5 - ours, 2)} ms under 5 ms`
        : `${fmt(ours - 5, 2)} ms over 5 ms`,
    ].join('; '),
  };
}

function viewerRequests(result: SizeResult | undefined): TargetVerdict {
  const target =
    'Kubernetes API requests from 50 viewers <= 1/20 of the core plugin’s';
  if (!result) {
    return {
      id: 'viewer-requests',
      target,
      measured: 'not measured',
      margin: '',
    };
  }
  const ours = result.manyViewers.stalwart.kubernetesRequests;
  const core = result.manyViewers.core.kubernetesRequests;
  const allowed = core / 20;
  return {
    id: 'viewer-requests',
    target,
    instances: result.instances,
    measured: `${fmt(ours, 0)} vs ${fmt(core, 0)} requests${atSize(
      result,
      TARGET_SIZE,
    )}`,
    met: ours <= allowed,
    margin:
      ours <= allowed
        ? `${fmt(allowed - ours, 0)} requests under the allowance of ${fmt(
            allowed,
            0,
          )}`
        : `${fmt(ours - allowed, 0)} requests over the allowance of ${fmt(
            allowed,
            0,
          )}`,
  };
}

function memory(result: SizeResult | undefined): TargetVerdict {
  const target = 'Backend RSS < 300 MB with the fleet cached at N = 5,000';
  if (!result) {
    return { id: 'memory', target, measured: 'not measured', margin: '' };
  }
  const rss = result.backend.rssMBFleetCached;
  const { complete, instances } = result.coldStart;
  const partly =
    complete < instances
      ? `; only ${fmt(complete, 0)} of ${fmt(
          instances,
          0,
        )} instances reached a complete status`
      : '';
  return {
    id: 'memory',
    target,
    instances: result.instances,
    measured: `${fmt(rss, 0)} MB${atSize(result, MEMORY_SIZE)}${partly}`,
    met: rss < 300 && complete === instances && result.instances >= MEMORY_SIZE,
    margin:
      rss < 300
        ? `${fmt(300 - rss, 0)} MB under`
        : `${fmt(rss - 300, 0)} MB over (${fmt(rss / 300, 2)}x)`,
  };
}

function coldStartMargin(cold: SizeResult['coldStart']): string {
  if (cold.stoppedEarly) {
    const why = cold.stoppedBecause ? ` (${cold.stoppedBecause})` : '';
    return `incomplete: stopped after ${fmt(cold.seconds)} s${why}`;
  }
  return cold.seconds < 10
    ? `${fmt(10 - cold.seconds)} s under`
    : `${fmt(cold.seconds - 10)} s over`;
}

function coldStart(result: SizeResult | undefined): TargetVerdict {
  const target = 'Cold start to full fleet status < 10 s at N = 1,000';
  if (!result) {
    return { id: 'cold-start', target, measured: 'not measured', margin: '' };
  }
  const { seconds, complete, instances, stoppedEarly } = result.coldStart;
  return {
    id: 'cold-start',
    target,
    instances: result.instances,
    measured: `${fmt(seconds)} s for ${fmt(complete, 0)} of ${fmt(
      instances,
      0,
    )} instances${atSize(result, TARGET_SIZE)}`,
    met: !stoppedEarly && seconds < 10,
    margin: coldStartMargin(result.coldStart),
  };
}

// The rows of `yarn bench:drift` the target is about: classification with the declared state
// already parsed (the ConfigMap or plan changes with git, the live settings with every read);
// the script prints the rows with the parse too.
const DRIFT_ENGINES = [
  { engine: 'v0.15', label: /^v0\.15 classification, ConfigMap unchanged/ },
  { engine: 'v0.16', label: /^v0\.16 classification, plan unchanged/ },
];
const DRIFT_LIMIT_MS = 20;

function driftSpeed(drift: ScriptBenchResult | undefined): TargetVerdict {
  const target =
    'Drift of an instance with 5,000 settings keys classified in < 20 ms (median, each engine)';
  const figures = DRIFT_ENGINES.map(({ engine, label }) => ({
    engine,
    ms: drift?.timings.find(t => label.test(t.label))?.medianMs,
  }));
  if (!drift?.measured || figures.some(f => f.ms === undefined)) {
    return { id: 'drift', target, measured: 'not measured', margin: '' };
  }
  const slowest = Math.max(...figures.map(f => f.ms!));
  return {
    id: 'drift',
    target,
    measured: figures.map(f => `${f.engine} ${fmt(f.ms!, 2)} ms`).join(', '),
    met: slowest < DRIFT_LIMIT_MS,
    margin:
      slowest < DRIFT_LIMIT_MS
        ? `slowest ${fmt(DRIFT_LIMIT_MS - slowest, 2)} ms under`
        : `slowest ${fmt(slowest - DRIFT_LIMIT_MS, 2)} ms over`,
  };
}

/** Judges issue 9's four targets and issue 7's drift target on the figures of one run. */
export function judgeTargets(
  sizes: SizeResult[],
  drift?: ScriptBenchResult,
): TargetVerdict[] {
  const atTarget = pick(sizes, TARGET_SIZE);
  return [
    viewSpeed(atTarget),
    viewerRequests(atTarget),
    memory(pick(sizes, MEMORY_SIZE)),
    coldStart(atTarget),
    driftSpeed(drift),
  ];
}
