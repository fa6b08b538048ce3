import { spawn } from 'node:child_process';
import {
  childPids,
  cpuSeconds,
  cpuSecondsFromStat,
  rssMB,
  rssMBFromStatus,
  statFields,
} from './processUsage';

describe('reading a process from /proc', () => {
  it('skips a command name with spaces and parentheses', () => {
    const stat =
      '42 (node (a) b) S 7 42 42 0 -1 4194560 100 0 0 0 250 50 0 0 20 0 11 0';
    expect(statFields(stat)[0]).toBe('S');
    expect(statFields(stat)[1]).toBe('7');
    expect(cpuSecondsFromStat(stat, 100)).toBe(3);
  });

  it('reads VmRSS in decimal MB', () => {
    expect(
      rssMBFromStatus('Name:\tnode\nVmRSS:\t  200000 kB\nThreads:\t11\n'),
    ).toBe(204.8);
  });

  it('finds a spawned child and reads its CPU and memory', async () => {
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 5000)']);
    try {
      await new Promise(r => child.once('spawn', r));
      expect(childPids()).toContain(child.pid);
      expect(cpuSeconds(child.pid!)).toBeGreaterThanOrEqual(0);
      expect(rssMB(child.pid!)).toBeGreaterThan(1);
    } finally {
      child.kill();
    }
  });
});
