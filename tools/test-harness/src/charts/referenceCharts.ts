import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { SHARED_DIR } from '../demoPaths';

export { SHARED_DIR };

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

/** One YAML document of a chart template, with the kind it renders. */
export interface ReferenceTemplateDocument {
  file: string;
  kind: string;
  text: string;
}

/**
 * The chart's template documents and its `_helpers.tpl`, or undefined (with the notice
 * `loadReferenceChart` prints) when shared/ is absent.
 */
export function loadReferenceTemplates(
  dir: string,
): { documents: ReferenceTemplateDocument[]; helpers: string } | undefined {
  const base = path.join(SHARED_DIR, 'reference', 'charts', dir, 'chart');
  if (!fs.existsSync(base)) return undefined;
  const templates = path.join(base, 'templates');
  const documents = fs
    .readdirSync(templates)
    .filter(file => file.endsWith('.yaml'))
    .flatMap(file =>
      fs
        .readFileSync(path.join(templates, file), 'utf8')
        .split(/^---\s*$/m)
        .flatMap(text => {
          const kind = /^kind:\s*(\S+)/m.exec(text)?.[1];
          return kind ? [{ file, kind, text }] : [];
        }),
    );
  return {
    documents,
    helpers: fs.readFileSync(path.join(templates, '_helpers.tpl'), 'utf8'),
  };
}
