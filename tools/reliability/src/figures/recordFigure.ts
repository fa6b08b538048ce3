import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { PropertyId } from './properties';

/** One measured figure of a property, e.g. "K8s requests during the fault: 12". */
export interface Figure {
  property: PropertyId;
  /** What was measured, in words: "requests sent during 30 s of 50 % errors". */
  measure: string;
  value: number | string;
  unit?: string;
  /** The bound the test asserted, in words: "<= 40", "= 0". */
  bound?: string;
}

// The suite only runs inside the monorepo.
// eslint-disable-next-line no-restricted-syntax
const REPO_ROOT = resolve(__dirname, '../../../..');

/** Where this run's figures go; `yarn reliability` reads them back into docs/reliability.md. */
export function figuresFile(): string {
  return (
    process.env.RELIABILITY_FIGURES_FILE ??
    resolve(REPO_ROOT, 'test-results/reliability/figures.ndjson')
  );
}

/**
 * Records a figure for the report. Jest runs test files in parallel workers: each figure is one
 * short appended line, which the OS writes atomically, so workers never interleave.
 */
export function recordFigure(figure: Figure): void {
  const file = figuresFile();
  mkdirSync(dirname(file), { recursive: true });
  appendFileSync(file, `${JSON.stringify(figure)}\n`);
}

/** Reads a run's figures back; a later figure with the same property and measure replaces an earlier one. */
export function parseFigures(ndjson: string): Figure[] {
  const byKey = new Map<string, Figure>();
  for (const line of ndjson.split('\n')) {
    if (!line.trim()) continue;
    const figure = JSON.parse(line) as Figure;
    byKey.set(`${figure.property}\u0000${figure.measure}`, figure);
  }
  return [...byKey.values()];
}
