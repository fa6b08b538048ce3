import type { ViewFunction } from '../backend/entityViews';
import { cpuSeconds } from '../backend/processUsage';
import type { FleetInstance } from '../fleet/fleetInstances';
import {
  countsBetween,
  type KubernetesRequestCounts,
} from '../fleet/requestCounter';
import { machineBusySeconds } from '../machine';
import type { ViewerLoad } from '../options';
import { round, summarize } from '../stats';

/** One plugin under many viewers of one entity. */
export interface LoadResult {
  views: number;
  failures: number;
  incomplete: number;
  seconds: number;
  kubernetesRequests: number;
  kubernetesWatches: number;
  backendCpuSeconds: number;
  /** Backend CPU over the window, in % of one core. */
  backendCpuPercent: number;
  simulatorCpuSeconds: number;
  /** Cores the rest of the machine (other users' processes) kept busy meanwhile. */
  otherProcessesCores: number;
  medianMs?: number;
  p95Ms?: number;
  firstError?: string;
}

const sleep = (ms: number) => new Promise(r => setTimeout(r, ms));

/** The backend's CPU with nobody viewing anything, in % of one core. */
export async function idleCpuPercent(pid: number, ms: number) {
  const before = cpuSeconds(pid);
  await sleep(ms);
  return round(((cpuSeconds(pid) - before) / (ms / 1000)) * 100, 1);
}

/**
 * `load.viewers` viewers keep one entity open, each refreshing every `load.intervalMs` for
 * `load.durationMs`, their first loads spread over one interval as real page opens would be.
 * Counts the Kubernetes API requests and the CPU the backend and the simulator spent.
 */
export async function measureManyViewers(options: {
  instance: FleetInstance;
  load: ViewerLoad;
  view: ViewFunction;
  counts: () => Promise<KubernetesRequestCounts>;
  backendPid: number;
  simulatorPid: number;
}): Promise<LoadResult> {
  const { instance, load, view, backendPid, simulatorPid } = options;
  const before = await options.counts();
  const cpuBefore = {
    backend: cpuSeconds(backendPid),
    simulator: cpuSeconds(simulatorPid),
    bench: process.cpuUsage(),
    machine: machineBusySeconds(),
  };
  const started = performance.now();

  const outcomes: Array<Promise<Awaited<ReturnType<ViewFunction>>>> = [];
  for (let viewer = 0; viewer < load.viewers; viewer++) {
    const offset = (viewer * load.intervalMs) / load.viewers;
    for (let at = offset; at < load.durationMs; at += load.intervalMs) {
      outcomes.push(
        new Promise(resolve => {
          setTimeout(() => resolve(view(instance)), at);
        }),
      );
    }
  }
  const results = await Promise.all(outcomes);
  const seconds = (performance.now() - started) / 1000;

  const backend = cpuSeconds(backendPid) - cpuBefore.backend;
  const simulator = cpuSeconds(simulatorPid) - cpuBefore.simulator;
  const benchUsage = process.cpuUsage(cpuBefore.bench);
  const bench = (benchUsage.user + benchUsage.system) / 1e6;
  const machine = machineBusySeconds() - cpuBefore.machine;
  const requests = countsBetween(before, await options.counts());
  const latency = summarize(results.filter(r => r.ok).map(r => r.ms));
  const failed = results.filter(r => !r.ok);
  return {
    views: results.length,
    failures: failed.length,
    incomplete: results.filter(r => r.ok && !r.complete).length,
    seconds: round(seconds, 1),
    kubernetesRequests: requests.total,
    kubernetesWatches: requests.watches,
    backendCpuSeconds: round(backend, 2),
    backendCpuPercent: round((backend / seconds) * 100, 1),
    simulatorCpuSeconds: round(simulator, 2),
    otherProcessesCores: round(
      Math.max(0, machine - backend - simulator - bench) / seconds,
      2,
    ),
    medianMs: latency && round(latency.median),
    p95Ms: latency && round(latency.p95),
    ...(failed[0]?.error ? { firstError: failed[0].error } : {}),
  };
}
