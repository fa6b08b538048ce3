import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { CHART_FLAVORS, type ChartFlavorId } from '../../charts';
import { loadReferenceChart } from '@stalwart-backstage/test-harness/charts';
import { specMatrix } from '@stalwart-backstage/test-harness/charts';
import { ANTIGENIC_DEFAULT_VALUES } from '../../flavors/antigenic/defaultValues';
import { HIROBA_DEFAULT_VALUES } from '../../flavors/hiroba/defaultValues';
import { KGRUBB_DEFAULT_VALUES } from '../../flavors/kgrubb/defaultValues';
import { OLSONTECH_DEFAULT_VALUES } from '../../flavors/olsontech/defaultValues';
import { renderValues } from './renderValues';

const EMBEDDED: Record<ChartFlavorId, unknown> = {
  antigenic: ANTIGENIC_DEFAULT_VALUES,
  olsontech: OLSONTECH_DEFAULT_VALUES,
  hiroba: HIROBA_DEFAULT_VALUES,
  kgrubb: KGRUBB_DEFAULT_VALUES,
};

/** Values subtrees the chart itself documents as free-form (config.json's DataStore object). */
const FREE_FORM: Record<ChartFlavorId, string[]> = {
  antigenic: [],
  olsontech: [],
  hiroba: ['config'],
  kgrubb: ['config'],
};

/** Paths of object keys in `actual` that the reference values.yaml does not define. */
function unknownKeys(
  actual: any,
  reference: any,
  freeForm: string[],
  path = '',
): string[] {
  if (!actual || typeof actual !== 'object' || Array.isArray(actual)) return [];
  if (!reference || typeof reference !== 'object' || Array.isArray(reference))
    return [];
  if (Object.keys(reference).length === 0 || freeForm.includes(path)) return [];
  return Object.keys(actual).flatMap(key => {
    const at = path ? `${path}.${key}` : key;
    return key in reference
      ? unknownKeys(actual[key], reference[key], freeForm, at)
      : [at];
  });
}

/** Where each chart could take secret material from values, and what we must render there. */
const NO_SECRET_MATERIAL: Record<
  ChartFlavorId,
  [(values: any) => unknown, unknown]
> = {
  antigenic: [
    v => ({ create: v.secret.create, data: v.secret.data }),
    { create: false, data: {} },
  ],
  olsontech: [v => v.stalwart.fallbackAdmin.enabled, false],
  hiroba: [v => v.secrets, { create: false, env: {} }],
  kgrubb: [v => [v.recoveryAdmin.password, v.extraSecretEnv], ['', {}]],
};

const cases = specMatrix();

describe.each(Object.values(CHART_FLAVORS))(
  'values for the $id chart',
  flavor => {
    const reference = loadReferenceChart(flavor.referenceDir);
    const ofFlavor = cases.filter(c => c.chart === flavor.id);

    if (reference) {
      const ref = reference;
      it('start from defaults equal to the reference values.yaml (minus the placeholder secrets)', () => {
        const expected = structuredClone(ref.values) as any;
        if (flavor.id === 'antigenic') expected.secret.data = {};
        expect(EMBEDDED[flavor.id]).toEqual(expected);
      });

      it.each(ofFlavor.map(c => [c.id, c.spec] as const))(
        '%s uses only keys values.yaml defines',
        (_, spec) => {
          expect(
            unknownKeys(
              parse(renderValues(spec)),
              ref.values,
              FREE_FORM[flavor.id],
            ),
          ).toEqual([]);
        },
      );

      if (ref.schema) {
        // The charts write the draft-07 meta-schema URL with https, which Ajv does not know by that id.
        const { $schema: _draft07, ...schema } = ref.schema;
        it.each(ofFlavor.map(c => [c.id, c.spec] as const))(
          '%s validates against values.schema.json',
          (_, spec) => {
            const ajv = new Ajv({ strict: false, allErrors: true });
            addFormats(ajv);
            const validate = ajv.compile(schema);
            const valid = validate(parse(renderValues(spec)));
            expect(validate.errors ?? []).toEqual([]);
            expect(valid).toBe(true);
          },
        );
      }
    }

    it.each(ofFlavor.map(c => [c.id, c.spec] as const))(
      '%s never asks the chart to create a Secret from values',
      (_, spec) => {
        const [pick, expected] = NO_SECRET_MATERIAL[flavor.id];
        expect(pick(parse(renderValues(spec)))).toEqual(expected);
      },
    );
  },
);
