import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

let ticksPerSecond: number | undefined;

/** Kernel clock ticks per second, the unit of utime and stime in /proc/<pid>/stat. */
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(
        execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim(),
      );
    } catch {
      ticksPerSecond = 100; // what Linux uses on every common architecture
    }
  }
  return ticksPerSecond;
}

/** Fields of /proc/<pid>/stat after the command name, which may itself hold spaces. */
export function statFields(stat: string): string[] {
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** CPU seconds (user + system) the process has used, from utime and stime. */
export function cpuSecondsFromStat(stat: string, ticks: number): number {
  const fields = statFields(stat);
  // After the name: state is field 3 of the stat line, so utime (14) and stime (15) are 11, 12.
  return (Number(fields[11]) + Number(fields[12])) / ticks;
}

/** Resident set size in MB (10^6 bytes, the memory target's unit), from VmRSS in /proc/<pid>/status. */
export function rssMBFromStatus(status: string): number {
  const kib = Number(status.match(/^VmRSS:\s+(\d+)\s+kB$/m)?.[1]);
  if (!Number.isFinite(kib)) throw new Error('no VmRSS line in the status');
  return (kib * 1024) / 1e6;
}

export function cpuSeconds(pid: number): number {
  return cpuSecondsFromStat(
    readFileSync(`/proc/${pid}/stat`, 'utf8'),
    clockTicks(),
  );
}

export function rssMB(pid: number): number {
  return rssMBFromStatus(readFileSync(`/proc/${pid}/status`, 'utf8'));
}

/** The pids of this process's direct children, from the ppid field of each /proc/<pid>/stat. */
export function childPids(parent = process.pid): number[] {
  return readdirSync('/proc')
    .filter(name => /^\d+$/.test(name))
    .filter(pid => {
      try {
        const fields = statFields(readFileSync(`/proc/${pid}/stat`, 'utf8'));
        return Number(fields[1]) === parent;
      } catch {
        return false; // the process ended while we looked
      }
    })
    .map(Number);
}
