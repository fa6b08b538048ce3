import Ajv from 'ajv';
import { CHART_FLAVOR_IDS } from '../charts';
import { exampleInstanceSpec } from './examples';
import { getInstanceSpecJsonSchema } from './jsonSchema';

/** Every property schema under `properties`, with its path. */
function properties(schema: any, path = ''): Array<[string, any]> {
  const own = Object.entries<any>(schema.properties ?? {}).flatMap(
    ([key, sub]) => [
      [`${path}${key}`, sub] as [string, any],
      ...properties(sub, `${path}${key}.`),
    ],
  );
  const items = schema.items ? properties(schema.items, `${path}[].`) : [];
  const values =
    typeof schema.additionalProperties === 'object'
      ? properties(schema.additionalProperties, `${path}*.`)
      : [];
  return [...own, ...items, ...values];
}

describe('the instance spec JSON Schema', () => {
  const schema = getInstanceSpecJsonSchema();

  it('describes every field for the template form', () => {
    const undescribed = properties(schema)
      .filter(([, sub]) => !sub.description)
      .map(([path]) => path);
    expect(undescribed).toEqual([]);
  });

  it('refuses unknown keys like the zod schema does', () => {
    expect(schema.additionalProperties).toBe(false);
  });

  it.each(CHART_FLAVOR_IDS)('accepts the %s example', chart => {
    const validate = new Ajv({ strict: false }).compile(schema);
    expect(
      validate(exampleInstanceSpec(chart, 'argocd', 'sealed-secrets')),
    ).toBe(true);
  });
});
