import { sampleSize } from './__testing__/sampleResults';
import { latencyPlotSvg, logTicks } from './latencyPlot';

describe('the latency plot', () => {
  it('places 1-2-5 ticks on a log axis', () => {
    expect(logTicks(1, 100)).toEqual([1, 2, 5, 10, 20, 50, 100]);
    expect(logTicks(0.1, 0.6)).toEqual([0.1, 0.2, 0.5]);
  });

  it('draws a line per plugin and statistic with a point per fleet size', () => {
    const svg = latencyPlotSvg(
      [
        sampleSize(10, { ours: 2, core: 90, cold: 1, rss: 600 }),
        sampleSize(1000, { ours: 3, core: 120, cold: 10, rss: 700 }),
      ],
      'test & conditions',
    );
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(
      true,
    );
    expect(svg.match(/<path /g)).toHaveLength(4);
    expect(svg.match(/<circle /g)).toHaveLength(8);
    expect(svg).toContain('Core two calls, median at N = 1000: 120 ms');
    expect(svg).toContain('test &#38; conditions');
  });

  it('draws hollow points, and says why, where most views failed', () => {
    const broken = sampleSize(5000, {
      ours: 20,
      core: 130,
      cold: 250,
      rss: 3000,
    });
    broken.entityView.core = { ...broken.entityView.core, failures: 191 };
    const svg = latencyPlotSvg(
      [sampleSize(10, { ours: 2, core: 90, cold: 1, rss: 600 }), broken],
      '',
    );
    expect(svg).toContain(
      'Core two calls, median at N = 5000: 130 ms (over 10 % of the views failed',
    );
    expect(svg).not.toContain(
      'Stalwart status, median at N = 5000: 20 ms (over',
    );
    expect(svg).toContain('failed: latency of the rest');
  });

  it('refuses to draw nothing', () => {
    expect(() => latencyPlotSvg([], '')).toThrow(/nothing to plot/);
  });
});
