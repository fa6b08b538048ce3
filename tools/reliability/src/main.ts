/* eslint-disable no-console */
import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import { join, resolve } from 'node:path';
import { figuresFile, parseFigures } from './figures/recordFigure';
import {
  reliabilityResults,
  updateReliabilityDoc,
} from './report/reliabilityDoc';
import { outcomesByFile } from './report/testOutcomes';

// The suite only runs inside the monorepo.
// eslint-disable-next-line no-restricted-syntax
const REPO_ROOT = resolve(__dirname, '../../..');
const DOC = join(REPO_ROOT, 'docs/reliability.md');

/** Runs the whole suite once, then rewrites docs/reliability.md's results from its figures. */
function main(): number {
  const figures = figuresFile();
  const report = join(REPO_ROOT, 'test-results/reliability/jest.json');
  rmSync(figures, { force: true });
  mkdirSync(join(REPO_ROOT, 'test-results/reliability'), { recursive: true });

  const { status } = spawnSync(
    'yarn',
    [
      'backstage-cli',
      'repo',
      'test',
      'tools/reliability',
      '--json',
      `--outputFile=${report}`,
    ],
    { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, CI: 'true' } },
  );
  if (!existsSync(report)) {
    console.error(
      'The suite did not produce a report; docs/reliability.md is unchanged.',
    );
    return 1;
  }
  const results = reliabilityResults({
    finishedAt: new Date().toISOString(),
    machine: `${
      os.cpus()[0]?.model ?? 'unknown CPU'
    }, ${os.availableParallelism()} cores, Node ${process.version}`,
    figures: existsSync(figures)
      ? parseFigures(readFileSync(figures, 'utf8'))
      : [],
    outcomes: outcomesByFile(
      JSON.parse(readFileSync(report, 'utf8')),
      REPO_ROOT,
    ),
  });
  writeFileSync(DOC, updateReliabilityDoc(readFileSync(DOC, 'utf8'), results));
  // The repository's formatting check covers docs: lay the tables out as it expects.
  spawnSync('yarn', ['prettier', '--write', DOC], { cwd: REPO_ROOT });
  console.log(`\nWrote ${DOC}`);
  return status ?? 1;
}

process.exitCode = main();
