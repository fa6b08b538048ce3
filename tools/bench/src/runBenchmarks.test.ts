import { sampleResults, sampleSize } from './report/__testing__/sampleResults';
import { harnessProblems } from './runBenchmarks';

describe('harnessProblems', () => {
  it('passes a run with slow figures and missed targets', () => {
    const slow = sampleSize(100, {
      ours: 500,
      core: 9000,
      cold: 600,
      rss: 5000,
    });
    expect(harnessProblems(sampleResults([slow]))).toEqual([]);
  });

  it('fails a run with a size that could not start, or a plugin never measured', () => {
    const broken = sampleSize(10, { ours: 2, core: 90, cold: 1, rss: 600 });
    broken.entityView.stalwart = {
      ...broken.entityView.stalwart,
      medianMs: undefined,
      p95Ms: undefined,
      failures: 30,
      firstError: 'status answered 404',
    };
    const results = sampleResults([broken]);
    results.sizeErrors = [
      {
        instances: 100,
        error: 'the simulator did not start within 180 s\nmore',
      },
    ];
    expect(harnessProblems(results)).toEqual([
      'N = 100: the simulator did not start within 180 s',
      'N = 10: no stalwart entity view succeeded (status answered 404)',
    ]);
  });
});
