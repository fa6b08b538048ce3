import { sampleSize } from './__testing__/sampleResults';
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
    ]);
  });
});
