import fc from 'fast-check';
import { parse, parseAllDocuments } from 'yaml';
import {
  assertInstanceSpec,
  exampleInstanceSpec,
  parseInstanceSpec,
  renderInstance,
  renderValuesObject,
  CHART_FLAVOR_IDS,
  type InstanceSpec,
} from '@stalwart-backstage/plugin-stalwart-charts';
import { recordFigure } from '../figures/recordFigure';
import {
  mutatedSpecArbitrary,
  specCandidateArbitrary,
} from './__testUtils__/specArbitraries';

// A few hundred renders of every file per property; fixed seeds keep CI reproducible.
jest.setTimeout(300_000);

const SEED = 20_260_110;
const RUNS = 300;
const OWNER = 'group:default/mail-admins';

/** Every string in a parsed document, keys included. */
function strings(value: unknown, out = new Set<string>()): Set<string> {
  if (typeof value === 'string') out.add(value);
  else if (Array.isArray(value)) value.forEach(v => strings(v, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      strings(v, out);
    }
  return out;
}

interface Parsed {
  path: string;
  docs: any[];
}

/** Parses every generated file back: YAML documents (strictly), NDJSON lines; no TOML is emitted. */
async function renderAndParse(spec: InstanceSpec): Promise<Parsed[]> {
  const files = await renderInstance(spec, { owner: OWNER });
  return files.map(file => {
    if (file.path.endsWith('.ndjson'))
      return {
        path: file.path,
        docs: file.content
          .split('\n')
          .filter(Boolean)
          .map(l => JSON.parse(l)),
      };
    if (!/\.ya?ml$/.test(file.path))
      throw new Error(`unexpected file type ${file.path}`);
    const docs = parseAllDocuments(file.content, { uniqueKeys: true });
    if (!Array.isArray(docs)) throw new Error(`${file.path}: no documents`);
    for (const doc of docs) {
      if (doc.errors.length || doc.warnings.length)
        throw new Error(
          `${file.path}: ${[...doc.errors, ...doc.warnings].join('; ')}`,
        );
    }
    return { path: file.path, docs: docs.map(d => d.toJS()) };
  });
}

/** What the example renders contain: the kinds and top-level keys a render may have. */
async function knownShapes() {
  // Every kind the manifest builders have a model for, plus kustomize's and the catalog's.
  const kinds = new Set<string>([
    'Application',
    'Certificate',
    'ExternalSecret',
    'SealedSecret',
    'HelmRelease',
    'GitRepository',
    'HelmRepository',
    'OCIRepository',
    'HTTPRoute',
    'Ingress',
    'NetworkPolicy',
    'Namespace',
    'PodDisruptionBudget',
    'Kustomization',
    'Component',
  ]);
  const topKeys = new Set<string>(['apiVersion', 'kind', 'metadata', 'spec']);
  const docsPerFile = new Map<string, number>();
  for (const chart of CHART_FLAVOR_IDS)
    for (const engine of ['flux', 'argocd'] as const)
      for (const provider of [
        'existing',
        'external-secrets',
        'sealed-secrets',
      ] as const) {
        const spec = assertInstanceSpec(
          exampleInstanceSpec(chart, engine, provider),
        );
        for (const file of await renderAndParse(spec)) {
          if (file.path === 'values.yaml' || file.path.endsWith('.ndjson'))
            continue;
          docsPerFile.set(
            file.path,
            Math.max(docsPerFile.get(file.path) ?? 0, file.docs.length),
          );
          for (const doc of file.docs) {
            kinds.add(String(doc?.kind));
            Object.keys(doc ?? {}).forEach(k => topKeys.add(k));
          }
        }
      }
  return { kinds, topKeys };
}

/**
 * The round trip: values.yaml parses to exactly the values object, the catalog entity to the
 * spec's names, every manifest to a known kind with known top-level keys and never a plain
 * Secret, and the spec's free text survives as whole strings.
 */
function expectMeant(
  spec: InstanceSpec,
  files: Parsed[],
  shapes: Awaited<ReturnType<typeof knownShapes>>,
) {
  const byPath = Object.fromEntries(files.map(f => [f.path, f.docs]));
  expect(byPath['values.yaml']).toEqual([renderValuesObject(spec)]);

  const [entity] = byPath['catalog-info.yaml'];
  expect(byPath['catalog-info.yaml']).toHaveLength(1);
  expect(entity.metadata.name).toBe(spec.name);
  expect(entity.spec.owner).toBe(OWNER);
  expect(entity.metadata.annotations).toMatchObject({
    'backstage.io/kubernetes-namespace': spec.namespace,
    'stalwart.io/release': spec.name,
    'stalwart.io/namespace': spec.namespace,
    'stalwart.io/hostname': spec.hostname,
    'stalwart.io/gitops-path': spec.gitops.path,
  });

  const all = new Set<string>();
  for (const file of files) {
    for (const doc of file.docs) strings(doc, all);
    if (file.path === 'values.yaml' || file.path.endsWith('.ndjson')) continue;
    for (const doc of file.docs) {
      expect(shapes.kinds).toContain(String(doc.kind));
      expect(doc.kind).not.toBe('Secret');
      for (const key of Object.keys(doc)) expect(shapes.topKeys).toContain(key);
    }
  }
  const meant = [
    spec.hostname,
    spec.namespace,
    spec.name,
    ...spec.proxy.trustedNetworks,
    ...Object.values(spec.service.annotations),
    ...Object.values(spec.http.annotations),
  ];
  for (const value of meant) expect(all).toContain(value);
}

/** The round trip, with the generated input in the message when it fails. */
async function expectRendersAsMeant(
  input: unknown,
  spec: InstanceSpec,
  shapes: Awaited<ReturnType<typeof knownShapes>>,
) {
  const files = await renderAndParse(spec);
  try {
    expectMeant(spec, files, shapes);
  } catch (error) {
    (error as Error).message += `\ngenerated spec: ${JSON.stringify(input)}`;
    throw error;
  }
}

describe('the renderers, fuzzed from the spec schema', () => {
  let shapes: Awaited<ReturnType<typeof knownShapes>>;
  beforeAll(async () => {
    shapes = await knownShapes();
  });

  it('render every spec the schema accepts into YAML that parses back to what was meant', async () => {
    let runs = 0;
    let rendered = 0;
    await fc.assert(
      fc.asyncProperty(specCandidateArbitrary, async input => {
        runs++;
        const parsed = parseInstanceSpec(input);
        fc.pre(parsed.ok);
        if (!parsed.ok) return;
        await expectRendersAsMeant(input, parsed.spec, shapes);
        rendered++;
      }),
      { seed: SEED, numRuns: RUNS, maxSkipsPerRun: 10 },
    );
    expect(rendered).toBe(RUNS);
    recordFigure({
      property: 'input.fuzz',
      measure:
        'valid specs generated from the schema, rendered and parsed back (seed 20260110)',
      value: rendered,
      bound: `= ${RUNS}, 0 failures`,
    });
    recordFigure({
      property: 'input.fuzz',
      measure: 'candidates the flavor rules refused (skipped)',
      value: runs - rendered,
    });
  });

  it('refuse mutated specs only with InputError, and render any they accept to what was meant', async () => {
    let refused = 0;
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(mutatedSpecArbitrary, async input => {
        let spec: InstanceSpec;
        try {
          spec = assertInstanceSpec(input);
        } catch (error) {
          const { name, message } = error as Error;
          // A plain throw: fast-check reports it with the input that caused it.
          if (
            name !== 'InputError' ||
            !/^Invalid instance spec:\n(\S.*: .+)(\n\S.*: .+)*$/s.test(message)
          )
            throw new Error(`untyped or unnamed refusal ${name}: ${message}`);
          refused++;
          return;
        }
        await expectRendersAsMeant(input, spec, shapes);
        accepted++;
      }),
      { seed: SEED + 1, numRuns: RUNS },
    );
    expect(refused + accepted).toBe(RUNS);
    recordFigure({
      property: 'input.fuzz',
      measure: 'mutated specs tried (fields replaced, removed or added)',
      value: RUNS,
    });
    recordFigure({
      property: 'input.fuzz',
      measure: 'mutated specs refused with InputError naming the fields',
      value: refused,
    });
    recordFigure({
      property: 'input.fuzz',
      measure: 'mutated specs still valid, rendered and parsed back',
      value: accepted,
    });
    recordFigure({
      property: 'input.fuzz',
      measure: 'untyped errors or outputs that parse to something else',
      value: 0,
      bound: '= 0',
    });
  });

  it('emit no TOML: the v0.15 settings travel as YAML values, so there is none to parse back', async () => {
    const files = await renderInstance(
      assertInstanceSpec(exampleInstanceSpec('antigenic')),
      { owner: OWNER },
    );
    expect(
      files.map(f => f.path).filter(p => !/\.(ya?ml|ndjson)$/.test(p)),
    ).toEqual([]);
    expect(
      parse(files.find(f => f.path === 'values.yaml')!.content),
    ).toBeTruthy();
  });
});
