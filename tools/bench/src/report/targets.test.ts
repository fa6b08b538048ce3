import { sampleSize } from './__testing__/sampleResults';
import type { ScriptBenchResult } from '../measure/scriptBenches';
import { judgeTargets } from './targets';

describe('judgeTargets', () => {
  it('meets the targets when the figures are inside them, and says by how much', () => {
    const verdicts = judgeTargets([
      sampleSize(1000, { ours: 2, core: 100, cold: 4, rss: 250 }),
      sampleSize(5000, { ours: 2, core: 100, cold: 20, rss: 280 }),
    ]);
    expect(verdicts.map(v => [v.id, v.met, v.instances])).toEqual([
      ['view-speed', true, 1000],
      ['viewer-requests', true, 1000],
      ['memory', true, 5000],
      ['cold-start', true, 1000],
      ['drift', undefined, undefined],
    ]);
    expect(verdicts[0].measured).toBe('2 ms vs 100 ms: 50x');
    expect(verdicts[0].margin).toBe(
      'ratio 2.5x the 20x floor; 3 ms under 5 ms',
    );
    expect(verdicts[1].margin).toBe('630 requests under the allowance of 630');
  });

  it('misses a target on either half of it and names the shortfall', () => {
    const [view, , memory, cold] = judgeTargets([
      sampleSize(1000, { ours: 20, core: 130, cold: 14.1, rss: 900 }),
      sampleSize(5000, { ours: 20, core: 130, cold: 20, rss: 1500 }),
    ]);
    expect(view.met).toBe(false);
    expect(view.margin).toBe('ratio short of 20x by 13.5x; 15 ms over 5 ms');
    expect(memory).toMatchObject({ met: false, margin: '1,200 MB over (5x)' });
    expect(cold).toMatchObject({ met: false, margin: '4.1 s over' });
  });

  it('falls back to the largest smaller size and says the wanted one was not run', () => {
    const [view, , memory] = judgeTargets([
      sampleSize(100, { ours: 2, core: 100, cold: 1, rss: 250 }),
    ]);
    expect(view.measured).toContain(
      'measured at N = 100; N = 1,000 was not run',
    );
    // Memory at N = 5,000 cannot be met by a smaller fleet.
    expect(memory.met).toBe(false);
  });

  it('reports an incomplete cold start with the reason it stopped', () => {
    const size = sampleSize(1000, { ours: 2, core: 100, cold: 300, rss: 250 });
    size.coldStart = {
      ...size.coldStart,
      complete: 400,
      stoppedEarly: true,
      stoppedBecause: 'the backend process exited',
    };
    const cold = judgeTargets([size])[3];
    expect(cold.met).toBe(false);
    expect(cold.measured).toBe('300 s for 400 of 1,000 instances');
    expect(cold.margin).toBe(
      'incomplete: stopped after 300 s (the backend process exited)',
    );
  });

  it('says what was not measured', () => {
    expect(judgeTargets([]).map(v => v.met)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('judges the drift target on the slowest engine, the ConfigMap parse left out', () => {
    const drift = (v015: number, v016: number): ScriptBenchResult => ({
      script: 'bench:drift',
      measured: true,
      timings: [
        {
          label:
            'v0.15 classification, ConfigMap unchanged since the last read (its parse reused)',
          medianMs: v015,
        },
        {
          label:
            'v0.15 classification, ConfigMap changed (parse of config.toml included)',
          medianMs: 90,
        },
        {
          label:
            'v0.16 classification, plan unchanged since the last read (its parse reused), 550 objects, 4,400 fields',
          medianMs: v016,
        },
        {
          label:
            'v0.16 classification, plan changed (parse of the plan included)',
          medianMs: 40,
        },
      ],
      batches: [],
      output: '',
    });
    const met = judgeTargets([], drift(12.5, 15))[4];
    expect(met).toMatchObject({
      id: 'drift',
      met: true,
      measured: 'v0.15 12.5 ms, v0.16 15 ms',
      margin: 'slowest 5 ms under',
    });
    expect(judgeTargets([], drift(21, 15))[4]).toMatchObject({
      met: false,
      margin: 'slowest 1 ms over',
    });
    const unmeasured = { ...drift(1, 1), measured: false };
    expect(judgeTargets([], unmeasured)[4].measured).toBe('not measured');
  });
});
