import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

export const TEMPLATE_FILE = path.resolve(
  // Tests only ever run from the monorepo's sources.
  // eslint-disable-next-line no-restricted-syntax
  __dirname,
  '../../../../templates/stalwart-instance/template.yaml',
);

/** The template entity as the catalog reads it. */
export function readTemplate(): any {
  return parse(fs.readFileSync(TEMPLATE_FILE, 'utf8'));
}

function defaultsOf(schema: any): unknown {
  if (schema.default !== undefined) return structuredClone(schema.default);
  if (schema.type !== 'object' || !schema.properties) return undefined;
  const value: Record<string, unknown> = {};
  for (const [key, child] of Object.entries<any>(schema.properties)) {
    const d = defaultsOf(child);
    if (d !== undefined) value[key] = d;
  }
  return value;
}

/** What the form submits when the user changes nothing: every page's defaults. */
export function formDefaults(): Record<string, any> {
  const values: Record<string, any> = {};
  for (const page of readTemplate().spec.parameters) {
    for (const [key, schema] of Object.entries<any>(page.properties)) {
      const d = defaultsOf(schema);
      if (d !== undefined) values[key] = d;
    }
  }
  return values;
}
