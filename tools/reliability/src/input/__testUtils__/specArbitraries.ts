import fc from 'fast-check';
import type { z } from 'zod/v3';
import {
  CHART_FLAVOR_IDS,
  exampleInstanceSpec,
  instanceSpecSchema,
} from '@stalwart-backstage/plugin-stalwart-charts';

type Spec = Record<string, any>;
type Path = Array<string | number>;
type AnySchema = z.ZodTypeAny;

const typeName = (s: AnySchema): string => (s._def as any).typeName;

/** The schema under optional, default and refinement wrappers. */
function unwrap(schema: AnySchema): AnySchema {
  let s = schema;
  for (;;) {
    const name = typeName(s);
    if (
      name === 'ZodOptional' ||
      name === 'ZodDefault' ||
      name === 'ZodNullable'
    )
      s = (s._def as any).innerType;
    else if (name === 'ZodEffects') s = (s._def as any).schema;
    else return s;
  }
}

/** The schema of one field of the spec, refinements included, by path. */
export function schemaAt(path: Path): AnySchema {
  let s: AnySchema = instanceSpecSchema;
  for (const seg of path) {
    const inner = unwrap(s);
    const name = typeName(inner);
    if (name === 'ZodObject') s = (inner as z.AnyZodObject).shape[seg];
    else if (name === 'ZodArray') s = (inner._def as any).type;
    else if (name === 'ZodRecord') s = (inner._def as any).valueType;
    else throw new Error(`no field ${path.join('.')} in the spec schema`);
    if (!s) throw new Error(`no field ${path.join('.')} in the spec schema`);
  }
  return s;
}

// Shapes for strings whose rule is a refinement (host names, networks, URLs) rather than a
// regex fast-check can generate from; each is filtered through the field's own schema.
const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,14}[a-z0-9])?$/);
const subdomain = fc
  .array(label, { minLength: 1, maxLength: 4 })
  .map(l => l.join('.'));
const cidr4 = fc
  .tuple(fc.ipV4(), fc.integer({ min: 0, max: 32 }))
  .map(([a, p]) => `${a}/${p}`);
const cidr6 = fc
  .tuple(fc.ipV6(), fc.integer({ min: 0, max: 128 }))
  .map(([a, p]) => `${a}/${p}`);
const url = fc
  .tuple(
    fc.constantFrom('https', 'http', 'nats', 'tls'),
    fc.oneof(fc.domain(), label, fc.ipV4()),
    fc.option(fc.integer({ min: 1, max: 65535 }), { nil: undefined }),
    fc.option(fc.stringMatching(/^\/[a-z0-9/._-]{0,20}$/), { nil: undefined }),
  )
  .map(
    ([scheme, host, port, p]) =>
      `${scheme}://${host}${port ? `:${port}` : ''}${p ?? ''}`,
  );
/** Text with every character YAML and TOML treat specially, and some beyond ASCII. */
const awkwardText = fc.string({
  unit: fc.constantFrom(
    ...'abcXYZ019 -_.:,#&*!|>%@`?"\'{}[]\\=/é漢🙂'.split(''),
    '\u00a0',
  ),
  maxLength: 40,
});
const refinedShapes = fc.oneof(
  label,
  subdomain,
  fc.domain(),
  fc.ipV4(),
  fc.ipV6(),
  cidr4,
  cidr6,
  url,
  fc.tuple(subdomain, label).map(([p, n]) => `${p}/${n}`),
  awkwardText,
);

/** Values the field's schema accepts, built from the schema's own description of the field. */
export function arbitraryFor(schema: AnySchema): fc.Arbitrary<unknown> {
  const inner = unwrap(schema);
  const valid = (v: unknown) => schema.safeParse(v).success;
  const def = inner._def as any;
  switch (typeName(inner)) {
    case 'ZodString': {
      const regex = def.checks.find((c: any) => c.kind === 'regex')?.regex as
        | RegExp
        | undefined;
      return (regex ? fc.stringMatching(regex) : refinedShapes).filter(valid);
    }
    case 'ZodEnum':
      return fc.constantFrom(...(def.values as string[]));
    case 'ZodBoolean':
      return fc.boolean();
    case 'ZodNumber': {
      const min = def.checks.find((c: any) => c.kind === 'min')?.value ?? 0;
      const max = def.checks.find((c: any) => c.kind === 'max')?.value ?? 1000;
      return fc.integer({ min, max });
    }
    case 'ZodArray':
      return fc
        .array(arbitraryFor(def.type), {
          minLength: def.minLength?.value ?? 0,
          maxLength: Math.min(def.maxLength?.value ?? 5, 5),
        })
        .filter(valid);
    case 'ZodRecord':
      return fc
        .dictionary(
          arbitraryFor(def.keyType) as fc.Arbitrary<string>,
          arbitraryFor(def.valueType),
          { maxKeys: 4 },
        )
        .filter(valid);
    case 'ZodObject':
      return fc
        .record(
          Object.fromEntries(
            Object.entries((inner as z.AnyZodObject).shape).map(([k, v]) => [
              k,
              arbitraryFor(v as AnySchema),
            ]),
          ),
          { requiredKeys: [] },
        )
        .filter(valid);
    default:
      throw new Error(`no arbitrary for ${typeName(inner)}`);
  }
}

/** Maps whose keys are user text: generated as a whole. */
const RECORDS = new Set([
  'service.annotations',
  'http.annotations',
  'secrets.sealedSecrets.encryptedData',
]);

/** Paths of the scalar leaves of a spec, and of its lists and maps as wholes. */
export function fieldPaths(
  spec: unknown,
  path: Path = [],
  out: Path[] = [],
): Path[] {
  if (
    Array.isArray(spec) ||
    (spec && typeof spec === 'object' && RECORDS.has(path.join('.')))
  )
    out.push(path);
  else if (spec && typeof spec === 'object')
    for (const [k, v] of Object.entries(spec)) fieldPaths(v, [...path, k], out);
  else out.push(path);
  return out;
}

/** Fields a spec may gain beyond its example: lists and maps where injection would hide. */
const EXTRA_FIELDS: Path[] = [
  ['service', 'annotations'],
  ['http', 'annotations'],
  ['http', 'hostname'],
  ['proxy', 'trustedNetworks'],
  ['proxy', 'allowedIps'],
  ['networkPolicy'],
  ['image', 'tag'],
  ['chartVersion'],
  ['storage', 'storageClass'],
  ['resources'],
];

export function setPath(spec: Spec, path: Path, value: unknown) {
  let at: any = spec;
  for (const seg of path.slice(0, -1)) at = at[seg] ??= {};
  at[path[path.length - 1]] = value;
}

/** An example spec of any flavor, engine and secrets provider, as a user would write it. */
export const exampleSpecArbitrary = fc
  .tuple(
    fc.constantFrom(...CHART_FLAVOR_IDS),
    fc.constantFrom('flux' as const, 'argocd' as const),
    fc.constantFrom(
      'existing' as const,
      'external-secrets' as const,
      'sealed-secrets' as const,
    ),
  )
  .map(
    ([chart, engine, provider]) =>
      exampleInstanceSpec(chart, engine, provider) as Spec,
  );

/**
 * Specs the schema accepts: an example with up to eight fields replaced by values generated
 * from those fields' schemas (the valid space); flavor rules decide the rest, so the caller
 * keeps those that parse.
 */
export const specCandidateArbitrary = exampleSpecArbitrary.chain(base => {
  const paths = [
    ...fieldPaths(base).filter(p => p.length > 0),
    ...EXTRA_FIELDS,
  ];
  const overlay = fc
    .constantFrom(...paths)
    .chain(path =>
      arbitraryFor(schemaAt(path)).map(value => ({ path, value })),
    );
  return fc.array(overlay, { maxLength: 8 }).map(changes => {
    const spec = structuredClone(base);
    for (const { path, value } of changes) setPath(spec, path, value);
    return spec;
  });
});

/** Hostile values for the mutated (invalid) space. */
const hostileValue = fc.oneof(
  fc.anything({ maxDepth: 2 }),
  awkwardText,
  fc.constantFrom(
    '\nkind: Secret',
    'x\n---\napiVersion: v1\nkind: Secret',
    '"\n[server]\nhostname = "evil',
    "' : {a: 1}",
    '../../etc',
    '10.0.0.0/33',
    'm\u0430il',
    '',
    -1,
    65536,
    1.5,
    null,
    [],
    {},
  ),
);

/** A valid-looking spec with one to three fields replaced, removed or added at random. */
export const mutatedSpecArbitrary = specCandidateArbitrary.chain(spec => {
  const paths = fieldPaths(spec).filter(p => p.length > 0);
  const mutation = fc.oneof(
    fc
      .tuple(fc.constantFrom(...paths), hostileValue)
      .map(([path, value]) => ({ kind: 'set' as const, path, value })),
    fc
      .constantFrom(...paths)
      .map(path => ({ kind: 'delete' as const, path, value: undefined })),
    fc
      .tuple(
        fc.constantFrom(...paths),
        fc.string({ minLength: 1, maxLength: 12 }),
        hostileValue,
      )
      .map(([path, key, value]) => ({
        kind: 'set' as const,
        path: [...path.slice(0, -1), key],
        value,
      })),
  );
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map(mutations => {
    const out = structuredClone(spec);
    for (const m of mutations) {
      let at: any = out;
      for (const seg of m.path.slice(0, -1)) {
        if (at[seg] === null || typeof at[seg] !== 'object') at[seg] = {};
        at = at[seg];
      }
      const last = m.path[m.path.length - 1];
      if (m.kind === 'delete') delete at[last];
      else at[last] = m.value;
    }
    return out;
  });
});
