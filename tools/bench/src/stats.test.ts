import { quantile, round, summarize } from './stats';

describe('summarize', () => {
  it('gives the nearest-rank median and p95 of unsorted samples', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(summarize(values)).toEqual({
      samples: 100,
      median: 50,
      p95: 95,
      min: 1,
      max: 100,
    });
  });

  it('has nothing to say about no samples', () => {
    expect(summarize([])).toBeUndefined();
  });

  it('takes the only sample as every quantile', () => {
    expect(quantile([7], 0.5)).toBe(7);
    expect(quantile([7], 0.95)).toBe(7);
  });

  it('rounds to the requested digits', () => {
    expect(round(1.23456, 2)).toBe(1.23);
    expect(round(1.235, 1)).toBe(1.2);
  });
});
