import type { BenchResults } from '../results';
import { markdownTable } from './tables';

const num = (value: number) =>
  value.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** The noise comparison side by side, with the change the noise caused; '' without one. */
export function noiseTable(results: BenchResults): string {
  const runs = results.noise;
  if (!runs || runs.length < 2) return '';
  const [quiet, noisy] = runs;
  const change = (a: number, b: number) =>
    `${b - a >= 0 ? '+' : ''}${num(b - a)}${
      a ? ` (${b - a >= 0 ? '+' : ''}${num(((b - a) / a) * 100)} %)` : ''
    }`;
  const row = (label: string, pick: (r: typeof quiet) => number) => [
    label,
    num(pick(quiet)),
    num(pick(noisy)),
    change(pick(quiet), pick(noisy)),
  ];
  return [
    `Noise: N = ${quiet.instances} instances, ${num(
      noisy.noise,
    )} unrelated objects per cluster in the second run`,
    markdownTable(
      ['', 'no noise', `noise ${num(noisy.noise)}`, 'change'],
      [
        row('backend RSS with the fleet cached (MB)', r => r.rssMBFleetCached),
        row('backend RSS before the cache (MB)', r => r.rssMBBeforeCache),
        row(
          'cache share of RSS (MB)',
          r => r.rssMBFleetCached - r.rssMBBeforeCache,
        ),
        row(
          'received from API servers, cold start (MB)',
          r => r.megabytesReceived,
        ),
        row('Kubernetes requests, cold start', r => r.kubernetesRequests),
        row('cold start to full status (s)', r => r.coldStartSeconds),
        row('instances complete', r => r.complete),
      ],
    ),
  ].join('\n');
}
