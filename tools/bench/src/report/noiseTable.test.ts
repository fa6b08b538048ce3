import type { BenchResults } from '../results';
import { noiseTable } from './noiseTable';

const run = (noise: number, rss: number, mb: number) => ({
  noise,
  instances: 100,
  rssMBBeforeCache: 400,
  rssMBFleetCached: rss,
  coldStartSeconds: 3,
  complete: 100,
  kubernetesRequests: 48,
  megabytesReceived: mb,
});

describe('noiseTable', () => {
  it('prints both runs side by side with the change the noise caused', () => {
    const table = noiseTable({
      noise: [run(0, 450, 1.2), run(20_000, 459, 1.2)],
    } as BenchResults);
    expect(table).toContain('20,000 unrelated objects per cluster');
    expect(table).toMatch(
      /backend RSS with the fleet cached \(MB\) +\| 450 +\| 459 +\| \+9 \(\+2 %\)/,
    );
    expect(table).toMatch(
      /received from API servers.*\| 1\.2 +\| 1\.2 +\| \+0 \(\+0 %\)/,
    );
  });

  it('prints nothing for a run without the comparison', () => {
    expect(noiseTable({} as BenchResults)).toBe('');
  });
});
