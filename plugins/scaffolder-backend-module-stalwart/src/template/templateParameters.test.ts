import { getInstanceSpecJsonSchema } from '@stalwart-backstage/plugin-stalwart-charts';
import { readTemplate } from '../__testUtils__/templateForm';

/** Parameters that drive other steps; every other parameter is an instance spec key. */
const NOT_SPEC = ['owner', 'system', 'clusters', 'publish', 'preview'];
const MIRRORED = [
  'enum',
  'minimum',
  'maximum',
  'pattern',
  'maxLength',
] as const;

type Field = { path: string; schema: any };

/** Every field of the form, with its dotted path, including conditional ones. */
function fields(properties: Record<string, any>, prefix = ''): Field[] {
  return Object.entries(properties).flatMap(([key, schema]) => {
    const path = `${prefix}${key}`;
    const nested = [
      ...(schema.properties ? fields(schema.properties, `${path}.`) : []),
      ...Object.values<any>(schema.dependencies ?? {}).flatMap(dep =>
        (dep.oneOf ?? []).flatMap((branch: any) =>
          fields(branch.properties ?? {}, `${path}.`).filter(
            f => f.schema.title !== undefined,
          ),
        ),
      ),
    ];
    return [{ path, schema }, ...nested];
  });
}

function specNode(path: string): any {
  let node: any = getInstanceSpecJsonSchema();
  for (const key of path.split('.')) {
    node = (node.anyOf?.find((n: any) => n.properties) ?? node).properties?.[
      key
    ];
    if (!node) return undefined;
  }
  return node;
}

const formFields: Field[] = readTemplate().spec.parameters.flatMap(
  (page: any) => fields(page.properties),
);
const specFields = formFields.filter(
  (f: Field) => !NOT_SPEC.includes(f.path.split('.')[0]),
);

describe('the stalwart-instance template form', () => {
  it.each(formFields.map((f: Field) => [f.path, f.schema] as [string, any]))(
    '%s has a title and a description',
    (_, schema) => {
      expect(schema.title).toEqual(expect.any(String));
      expect(schema.description).toEqual(expect.any(String));
    },
  );

  it.each(specFields.map((f: Field) => [f.path] as [string]))(
    '%s is a key of the instance spec',
    path => {
      expect(specNode(path)).toBeDefined();
    },
  );

  it.each(specFields.map((f: Field) => [f.path, f.schema] as [string, any]))(
    '%s validates as the spec schema does',
    (path, schema) => {
      const spec = specNode(path);
      for (const keyword of MIRRORED) {
        if (spec[keyword] === undefined) continue;
        const sorted = (v: unknown) => (Array.isArray(v) ? [...v].sort() : v);
        expect([keyword, sorted(schema[keyword])]).toEqual([
          keyword,
          sorted(spec[keyword]),
        ]);
      }
      // A default on only one side is fine; where both have one they agree.
      expect(schema.default ?? spec.default).toEqual(
        spec.default ?? schema.default,
      );
    },
  );
});
