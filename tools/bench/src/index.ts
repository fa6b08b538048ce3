/**
 * Benchmarks this project's status backend side by side with the core Kubernetes plugin on
 * one simulated fleet. Run it with `yarn bench` (see the README).
 *
 * @packageDocumentation
 */
export { runBenchmarks, harnessProblems } from './runBenchmarks';
export { parseBenchArgs } from './options';
export type { BenchOptions, ViewerLoad } from './options';
export type { BenchResults, SizeResult, TargetVerdict } from './results';
