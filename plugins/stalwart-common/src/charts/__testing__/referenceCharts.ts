import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

/** shared/ lives beside the repository checkout (…/main/../shared). */
export const SHARED_DIR = path.resolve(__dirname, '../../../../../../shared');

export interface ReferenceChart {
  chart: { name: string; version: string; appVersion: string };
  values: Record<string, unknown>;
  schema?: Record<string, unknown>;
}

/**
 * Reads a chart's reference data from shared/reference/charts, or returns undefined with a
 * visible notice when shared/ is absent (a checkout without the project's shared folder).
 */
export function loadReferenceChart(dir: string): ReferenceChart | undefined {
  const base = path.join(SHARED_DIR, 'reference', 'charts', dir);
  if (!fs.existsSync(base)) {
    // eslint-disable-next-line no-console
    console.warn(
      `NOTICE: ${base} is absent; skipping checks against the chart's reference data`,
    );
    return undefined;
  }
  const read = (file: string) => fs.readFileSync(path.join(base, file), 'utf8');
  const schemaPath = path.join(base, 'values.schema.json');
  return {
    chart: parse(read('Chart.yaml')),
    values: parse(read('values.yaml')),
    schema: fs.existsSync(schemaPath)
      ? JSON.parse(read('values.schema.json'))
      : undefined,
  };
}
