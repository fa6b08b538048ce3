import { parsePrintedFigures } from './scriptBenches';

describe('reading the figures other benchmark scripts print', () => {
  it('reads the render benchmark', () => {
    expect(
      parsePrintedFigures(
        [
          'one instance after warm-up: median 2.58 ms, p95 12.81 ms (target < 20 ms: ok)',
          '1,000 instances: 4.19 s (target < 5 s: ok)',
        ].join('\n'),
      ),
    ).toEqual({
      timings: [
        { label: 'one instance after warm-up', medianMs: 2.58, p95Ms: 12.81 },
      ],
      batches: [{ label: '1,000 instances', seconds: 4.19 }],
    });
  });

  it('reads wall and CPU medians and ignores the lines around them', () => {
    const { timings, batches } = parsePrintedFigures(
      [
        'v0.15: 5023 distinct keys, 3 pods, counts {"in-sync":3023}',
        'v0.15 classification, ConfigMap changed (parse of config.toml included): median 228.59 ms wall (p95 368.49), median 122.15 ms CPU, 30 runs',
        'SLOW: over the 20 ms target',
      ].join('\n'),
    );
    expect(batches).toEqual([]);
    expect(timings).toEqual([
      {
        label:
          'v0.15 classification, ConfigMap changed (parse of config.toml included)',
        medianMs: 228.59,
        p95Ms: 368.49,
        cpuMedianMs: 122.15,
      },
    ]);
  });
});
