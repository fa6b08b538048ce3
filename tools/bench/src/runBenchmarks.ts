import { resolve } from 'node:path';
import { describeMachine } from './machine';
import { measureSize } from './measureSize';
import {
  measureNoiseComparison,
  type NoiseRun,
} from './measure/noiseComparison';
import type { ScaffolderResult } from './measure/scaffolder';
import { runScriptBench } from './measure/scriptBenches';
import type { BenchOptions } from './options';
import { judgeTargets } from './report/targets';
import type { BenchResults, SizeResult } from './results';

// The benchmark only runs from the monorepo's sources.
// eslint-disable-next-line no-restricted-syntax
export const REPO_ROOT = resolve(__dirname, '../../..');

/**
 * Runs every benchmark of issue 9 once: each fleet size with its own simulator and backend,
 * then the drift and render scripts with no backend running. A size that cannot be measured
 * is recorded with its error and the run goes on.
 */
export async function runBenchmarks(
  options: BenchOptions,
  log: (line: string) => void,
): Promise<BenchResults> {
  const startedAt = new Date();
  const machine = describeMachine();
  const sizes: SizeResult[] = [];
  const sizeErrors: BenchResults['sizeErrors'] = [];
  let scaffolder: ScaffolderResult | undefined;

  for (const [index, instances] of options.sizes.entries()) {
    try {
      const measured = await measureSize({
        bench: options,
        instances,
        now: startedAt,
        withScaffolder: options.scaffolder && index === 0,
        log,
      });
      sizes.push(measured.size);
      scaffolder ??= measured.scaffolder;
    } catch (error) {
      log(`N = ${instances}: not measured: ${error}`);
      sizeErrors.push({ instances, error: String(error) });
    }
  }

  let noise: NoiseRun[] | undefined;
  if (options.noise > 0) {
    try {
      noise = await measureNoiseComparison({
        bench: options,
        instances: Math.max(...options.sizes),
        now: startedAt,
        log,
      });
    } catch (error) {
      log(`noise comparison: not measured: ${error}`);
    }
  }

  let drift;
  let render;
  if (options.scripts) {
    log('drift: yarn bench:drift');
    drift = await runScriptBench(REPO_ROOT, 'bench:drift');
    log('render: yarn bench:render');
    render = await runScriptBench(REPO_ROOT, 'bench:render');
  }

  const finishedAt = new Date();
  return {
    schema: 1,
    profile: options.profile,
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationSeconds: Math.round(
      (finishedAt.getTime() - startedAt.getTime()) / 1000,
    ),
    machine: {
      atStart: machine,
      loadAverageAtEnd: describeMachine().loadAverage,
    },
    settings: {
      backend: options.backend,
      sizes: options.sizes,
      clusters: options.clusters,
      latencyMs: options.latencyMs,
      views: options.views,
      sampleEntities: options.sampleEntities,
      load: options.load,
    },
    sizes,
    sizeErrors,
    drift,
    render,
    scaffolder,
    ...(noise ? { noise } : {}),
    targets: judgeTargets(sizes, drift),
  };
}

/**
 * What makes the run fail: the harness could not measure, never a slow figure. A size that
 * did not start, or a plugin none of whose views succeeded, means the setup is broken.
 */
export function harnessProblems(results: BenchResults): string[] {
  return [
    ...results.sizeErrors.map(
      e => `N = ${e.instances}: ${e.error.split('\n')[0]}`,
    ),
    ...results.sizes.flatMap(size =>
      (['stalwart', 'core'] as const)
        .filter(plugin => size.entityView[plugin].medianMs === undefined)
        .map(
          plugin =>
            `N = ${size.instances}: no ${plugin} entity view succeeded (${size.entityView[plugin].firstError})`,
        ),
    ),
  ];
}
