import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { schemaHashPrefixFor } from '@stalwart-backstage/plugin-stalwart-common';
import {
  schemaNameOf,
  type RegistrySchemaV016,
} from '@stalwart-backstage/plugin-stalwart-node';

/** The registry schema as `GET /api/schema/<hash>` serves it, plus the parts the simulator reads. */
export type SimulatedRegistrySchema = RegistrySchemaV016 & {
  objects: Record<string, { type: string; permissionPrefix?: string }>;
};

// Stalwart's published schema at v0.16.18 (resources/schema/schema.json.gz), trimmed by
// scripts/trimRegistrySchema.mjs to what the simulator serves and reads; see schema/README.md.
const SCHEMA_FILE = path.join(
  // The simulator only runs from the monorepo's sources, beside its schema file.
  // eslint-disable-next-line no-restricted-syntax
  __dirname,
  'schema',
  'registry-schema-v0.16.18.json',
);
const SCHEMA_TEXT = fs.readFileSync(SCHEMA_FILE, 'utf8');

export const REGISTRY_SCHEMA: SimulatedRegistrySchema = JSON.parse(SCHEMA_TEXT);

/** The `/api/schema/<hash>` a server of this version redirects to: the real prefix, our digest after it. */
export function schemaHashFor(version: string): string {
  const prefix = schemaHashPrefixFor(version) ?? 'AAAA';
  const digest = createHash('sha256').update(SCHEMA_TEXT).digest('base64url');
  return prefix + digest.slice(4);
}

/** The field definitions for an object (its variant's, for multi-variant types). */
export function fieldsOf(type: string, object?: any) {
  const schemaName = schemaNameOf(REGISTRY_SCHEMA, type, object?.['@type']);
  return schemaName ? REGISTRY_SCHEMA.fields[schemaName] : undefined;
}
