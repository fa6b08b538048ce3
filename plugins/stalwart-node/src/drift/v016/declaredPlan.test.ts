import { declaredObjectsOf } from './declaredPlan';
import type { RegistrySchemaV016 } from './types';

const schema = (): RegistrySchemaV016 => ({
  objects: { 'x:NetworkListener': { type: 'object' } },
  fields: {},
  lists: { 'x:NetworkListener': { labelProperty: 'name' } },
});
const plan = JSON.stringify({
  '@type': 'upsert',
  object: 'NetworkListener',
  value: { smtp: { name: 'smtp', protocol: 'smtp' } },
});

describe('declaredObjectsOf', () => {
  it('reads the plan with the schema’s natural keys', () => {
    expect(declaredObjectsOf(plan, schema())).toEqual([
      {
        type: 'x:NetworkListener',
        operation: 'upsert',
        cid: 'smtp',
        matchOn: ['name'],
        value: { name: 'smtp', protocol: 'smtp' },
      },
    ]);
  });

  it('reuses the parse of an unchanged plan for the same schema, and parses a changed plan or another schema anew', () => {
    const first = schema();
    const parsed = declaredObjectsOf(plan, first);
    expect(declaredObjectsOf(plan, first)).toBe(parsed);
    expect(declaredObjectsOf(`${plan}\n`, first)).not.toBe(parsed);
    const other = { ...first, lists: {} };
    expect(declaredObjectsOf(plan, other)).not.toBe(parsed);
    expect(declaredObjectsOf(plan, other)[0].matchOn).toEqual([]);
  });
});
