#!/usr/bin/env node
// Trims Stalwart's published registry schema (resources/schema/schema.json.gz at a release tag)
// to what the simulator serves and reads: object kinds, variant lists, field types with their
// update rule, defaults, natural keys and enum names. Descriptions, forms and dashboards go.
// Usage: git --git-dir=<stalwart>.git show v0.16.18:resources/schema/schema.json.gz | gunzip |
//        node tools/simulator/scripts/trimRegistrySchema.mjs > <out.json>
import { readFileSync } from 'node:fs';

const schema = JSON.parse(readFileSync(0, 'utf8'));
const map = (o, f) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, f(v)]));
const stripType = t => {
  const { description, label, ...rest } = t;
  return rest;
};
const trimmed = {
  objects: map(schema.objects, o => ({
    type: o.type,
    ...(o.permissionPrefix ? { permissionPrefix: o.permissionPrefix } : {}),
  })),
  schemas: map(schema.schemas, s =>
    s.type === 'multiple'
      ? { type: s.type, variants: s.variants.map(({ label, ...v }) => v) }
      : s,
  ),
  fields: map(schema.fields, f => ({
    properties: map(f.properties, p => ({
      type: stripType(p.type),
      update: p.update,
    })),
    ...(f.defaults ? { defaults: f.defaults } : {}),
  })),
  lists: map(schema.lists, l => ({ labelProperty: l.labelProperty })),
  enums: map(schema.enums, e => e.map(v => ({ name: v.name }))),
};
process.stdout.write(`${JSON.stringify(trimmed)}\n`);
