import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** A figure another package's benchmark printed: `<label>: median X ms … p95 Y …`. */
export interface PrintedTiming {
  label: string;
  medianMs: number;
  p95Ms?: number;
  /** When the script also reports CPU time (`median Z ms CPU`). */
  cpuMedianMs?: number;
}

/** The outcome of running another package's benchmark script. */
export interface ScriptBenchResult {
  script: string;
  measured: boolean;
  /** Why not, when not measured. */
  reason?: string;
  exitCode?: number;
  seconds?: number;
  timings: PrintedTiming[];
  /** `1,000 instances: 1.23 s`-style batch totals. */
  batches: Array<{ label: string; seconds: number }>;
  output: string;
}

const SCRIPT_TIMEOUT_MS = 5 * 60_000;

/** Reads the figures a benchmark script printed; unknown lines are kept in `output` only. */
export function parsePrintedFigures(
  output: string,
): Pick<ScriptBenchResult, 'timings' | 'batches'> {
  const timings: PrintedTiming[] = [];
  const batches: Array<{ label: string; seconds: number }> = [];
  for (const line of output.split('\n')) {
    // Both `median 1 ms, p95 2 ms` and `median 1 ms wall (p95 2), median 0.5 ms CPU`.
    const timing = line.match(/^(.+?): median ([\d.]+) ms\b(.*)$/);
    if (timing) {
      const p95 = timing[3].match(/p95 ([\d.]+)/)?.[1];
      const cpu = timing[3].match(/median ([\d.]+) ms CPU/)?.[1];
      timings.push({
        label: timing[1].trim(),
        medianMs: Number(timing[2]),
        ...(p95 ? { p95Ms: Number(p95) } : {}),
        ...(cpu ? { cpuMedianMs: Number(cpu) } : {}),
      });
      continue;
    }
    const batch = line.match(/^([\d,]+ [a-z ]+): ([\d.]+) s\b/);
    if (batch) batches.push({ label: batch[1], seconds: Number(batch[2]) });
  }
  return { timings, batches };
}

/**
 * Runs `yarn <script>` from the repository root with a time bound. Its exit code is recorded
 * but not judged: those scripts fail on their own targets, which is their business.
 */
export async function runScriptBench(
  repoRoot: string,
  script: string,
): Promise<ScriptBenchResult> {
  const scripts = JSON.parse(
    readFileSync(join(repoRoot, 'package.json'), 'utf8'),
  ).scripts as Record<string, string>;
  if (!scripts[script]) {
    return {
      script,
      measured: false,
      reason: `the root package.json has no "${script}" script`,
      timings: [],
      batches: [],
      output: '',
    };
  }
  const started = performance.now();
  const child = spawn('yarn', ['run', script], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', chunk => (output += chunk));
  child.stderr.on('data', chunk => (output += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), SCRIPT_TIMEOUT_MS);
  const exitCode = await new Promise<number | null>(resolve => {
    child.once('error', error => {
      output += String(error);
      resolve(null);
    });
    child.once('close', code => resolve(code));
  });
  clearTimeout(timer);
  const figures = parsePrintedFigures(output);
  const measured = figures.timings.length + figures.batches.length > 0;
  return {
    script,
    measured,
    ...(measured
      ? {}
      : {
          reason:
            exitCode === null
              ? `yarn ${script} did not finish (${output.trim().slice(-300)})`
              : `yarn ${script} printed no figures (exit ${exitCode}): ${output
                  .trim()
                  .slice(-300)}`,
        }),
    exitCode: exitCode ?? undefined,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    ...figures,
    output: output.trim(),
  };
}
