import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { BenchResults } from '../results';
import { singlesTable, sizesTable, targetsTable } from './tables';
import { noiseTable } from './noiseTable';

export const BEGIN =
  '<!-- bench:results:begin (written by yarn bench; edit outside) -->';
export const END = '<!-- bench:results:end -->';

/** How busy the rest of the machine was while the load windows ran, in cores. */
export function otherLoad(
  results: BenchResults,
): { mean: number; max: number } | undefined {
  const cores = results.sizes.flatMap(s => [
    s.manyViewers.stalwart.otherProcessesCores,
    s.manyViewers.core.otherProcessesCores,
  ]);
  if (cores.length === 0) return undefined;
  const mean = cores.reduce((a, b) => a + b, 0) / cores.length;
  return { mean: Math.round(mean * 100) / 100, max: Math.max(...cores) };
}

/** The machine, and whether the run had it to itself. */
export function machineSection(results: BenchResults): string {
  const m = results.machine.atStart;
  const others = otherLoad(results);
  const loads = `load average ${m.loadAverage.join(
    ', ',
  )} at start, ${results.machine.loadAverageAtEnd.join(', ')} at the end`;
  let shared: string;
  if (!others) {
    shared = `Load of other processes not measured (${loads}).`;
  } else if (others.mean >= 0.2 || others.max >= 0.5) {
    shared = `**The run shared the machine:** other processes kept ${others.mean} of ${m.nproc} cores busy on average during the load windows, up to ${others.max} in one of them (${loads}), so latency and CPU figures are noisier and slower than on an idle machine; the ratios compare both plugins under the same noise.`;
  } else {
    shared = `Other processes kept ${others.mean} of ${m.nproc} cores busy on average during the load windows (${loads}).`;
  }
  return [
    `- CPU: ${m.cpuModel}, nproc ${m.nproc}`,
    `- Memory: ${m.memoryGiB} GiB`,
    `- Node ${m.node}, Linux ${m.kernel}`,
    '',
    shared,
  ].join('\n');
}

/** The generated part of docs/benchmarks.md. */
export function resultsSection(
  results: BenchResults,
  plotFile: string,
): string {
  const s = results.settings;
  return [
    BEGIN,
    '',
    `Run: ${results.startedAt} (profile \`${results.profile}\`, ${Math.round(
      results.durationSeconds / 60,
    )} min). Fleets of ${s.sizes.join(', ')} instances over ${
      s.clusters
    } clusters, ${s.latencyMs} ms added to every Kubernetes API request, ${
      s.views
    } interleaved views per plugin and size over ${
      s.sampleEntities
    } entities, ${s.load.viewers} viewers refreshing every ${
      s.load.intervalMs / 1000
    } s for ${s.load.durationMs / 1000} s. The backend ran ${
      s.backend === 'built'
        ? 'compiled to JavaScript with `NODE_ENV=production`, as operators run a build'
        : 'from its TypeScript sources in development mode, as `yarn start` runs it'
    }. Raw figures: [benchmarks/results.json](benchmarks/results.json).`,
    '',
    '### Machine',
    '',
    machineSection(results),
    '',
    '### Per fleet size',
    '',
    sizesTable(results),
    '',
    `![Entity view latency vs fleet size, both plugins](benchmarks/${plotFile})`,
    '',
    '### Other figures',
    '',
    singlesTable(results),
    '',
    '### Targets',
    '',
    targetsTable(results),
    '',
    ...(results.noise
      ? ["### Other teams' objects", '', noiseTable(results), '']
      : []),
    END,
  ].join('\n');
}

/** Replaces the generated part of the doc, leaving the written analysis around it alone. */
export function updateBenchmarksDoc(path: string, section: string): void {
  const current = existsSync(path) ? readFileSync(path, 'utf8') : '';
  const begin = current.indexOf(BEGIN);
  const end = current.indexOf(END);
  const next =
    begin >= 0 && end > begin
      ? current.slice(0, begin) + section + current.slice(end + END.length)
      : `${current || '# Benchmarks\n'}\n## Results\n\n${section}\n`;
  writeFileSync(path, next);
}
