import fs from 'node:fs/promises';
import { parse } from 'yaml';

/** Reads a spec document from a .yaml, .yml or .json file. */
export async function readSpecFile(file: string): Promise<unknown> {
  const text = await fs.readFile(file, 'utf8');
  // YAML 1.2 is a superset of JSON, so one parser serves both; unique keys keep it strict.
  return parse(text, { uniqueKeys: true, prettyErrors: true });
}
