import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

/** The machine a run happened on, as the doc reports it. */
export interface MachineInfo {
  nproc: number;
  memoryGiB: number;
  cpuModel: string;
  node: string;
  kernel: string;
  loadAverage: number[];
}

function nproc(): number {
  try {
    // Honours CPU affinity and cgroup limits, as the doc's readers would check it.
    return Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    return os.availableParallelism();
  }
}

export function describeMachine(): MachineInfo {
  return {
    nproc: nproc(),
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    kernel: os.release(),
    loadAverage: os.loadavg().map(l => Math.round(l * 100) / 100),
  };
}

/** CPU seconds every core of the machine spent busy since boot, from /proc/stat. */
export function machineBusySeconds(): number {
  const line = readFileSync('/proc/stat', 'utf8').split('\n')[0];
  // cpu user nice system idle iowait irq softirq steal …; USER_HZ is 100 on Linux.
  const [user, nice, system, , , irq, softirq, steal] = line
    .trim()
    .split(/\s+/)
    .slice(1)
    .map(Number);
  return (user + nice + system + irq + softirq + (steal || 0)) / 100;
}
