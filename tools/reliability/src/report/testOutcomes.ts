import { relative } from 'node:path';

/** How the tests of one file ended in a run. */
export interface FileOutcome {
  passed: number;
  failed: number;
}

interface JestJsonReport {
  testResults: Array<{
    name: string;
    assertionResults: Array<{ status: string }>;
  }>;
}

/** Per test file (relative to the repository root), from jest's `--json` report. */
export function outcomesByFile(
  report: JestJsonReport,
  repoRoot: string,
): Map<string, FileOutcome> {
  const outcomes = new Map<string, FileOutcome>();
  for (const file of report.testResults) {
    const statuses = file.assertionResults.map(a => a.status);
    outcomes.set(relative(repoRoot, file.name), {
      passed: statuses.filter(s => s === 'passed').length,
      // A file that failed to load has no assertions but did not pass either.
      failed:
        statuses.filter(s => s === 'failed').length ||
        (statuses.length ? 0 : 1),
    });
  }
  return outcomes;
}
