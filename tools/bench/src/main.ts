/* eslint-disable no-console */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { parseBenchArgs, UsageError } from './options';
import { resultsSection, updateBenchmarksDoc } from './report/benchmarksDoc';
import { latencyPlotSvg } from './report/latencyPlot';
import { judgeTargets } from './report/targets';
import type { BenchResults } from './results';
import { singlesTable, sizesTable, targetsTable } from './report/tables';
import { noiseTable } from './report/noiseTable';
import { harnessProblems, REPO_ROOT, runBenchmarks } from './runBenchmarks';

const PLOT_FILE = 'latency-vs-fleet-size.svg';

function log(line: string) {
  console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
}

async function main(): Promise<number> {
  let options;
  try {
    options = parseBenchArgs(process.argv.slice(2), profile =>
      profile === 'full'
        ? join(REPO_ROOT, 'docs/benchmarks')
        : mkdtempSync(join(tmpdir(), 'stalwart-bench-quick-')),
    );
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(error.message);
      return error.helpRequested ? 0 : 2;
    }
    throw error;
  }

  let results: BenchResults;
  if (options.from) {
    results = JSON.parse(readFileSync(options.from, 'utf8'));
    // Figures as measured; the verdicts follow the current rules.
    results.targets = judgeTargets(results.sizes, results.drift);
  } else {
    results = await runBenchmarks(options, log);
  }

  mkdirSync(options.outDir, { recursive: true });
  const jsonFile = join(options.outDir, 'results.json');
  writeFileSync(jsonFile, `${JSON.stringify(results, null, 2)}\n`);
  const m = results.machine.atStart;
  if (results.sizes.length > 0) {
    writeFileSync(
      join(options.outDir, PLOT_FILE),
      latencyPlotSvg(
        results.sizes,
        `${results.settings.latencyMs} ms per Kubernetes API request, ${
          results.settings.clusters
        } clusters, ${m.nproc} cores (${m.cpuModel}), ${results.startedAt.slice(
          0,
          10,
        )}`,
      ),
    );
  }
  if (options.writeDocs && results.profile === 'full') {
    updateBenchmarksDoc(
      join(REPO_ROOT, 'docs/benchmarks.md'),
      resultsSection(results, PLOT_FILE),
    );
  }

  console.log(
    [
      '',
      sizesTable(results),
      '',
      singlesTable(results),
      '',
      targetsTable(results),
      '',
      ...(results.noise ? [noiseTable(results), ''] : []),
      `Results: ${relative(process.cwd(), jsonFile) || jsonFile}`,
    ].join('\n'),
  );
  const problems = harnessProblems(results);
  if (problems.length > 0) {
    console.error(
      `\nThe harness could not measure:\n- ${problems.join('\n- ')}`,
    );
    return 1;
  }
  return 0;
}

// Exit explicitly: a CI smoke test must not hang on a socket some library left open.
main().then(
  code => process.stdout.write('', () => process.exit(code)),
  error => {
    console.error(error?.stack ?? error);
    process.exit(1);
  },
);
