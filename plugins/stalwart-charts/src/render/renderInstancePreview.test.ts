import { loadKubernetesModels } from './gitops/models';
import { MODEL_TYPES, PLAIN_MODELS } from './gitops/plainModels';
import { renderInstance } from './renderInstance';
import { renderInstancePreview } from './renderInstancePreview';
import { specMatrix } from '@stalwart-backstage/test-harness/charts';

describe('renderInstancePreview', () => {
  it.each(specMatrix().map(c => [c.id, c.spec] as const))(
    'renders %s exactly as the validating renderer does',
    async (_id, spec) => {
      const options = { owner: 'group:default/mail', clusters: ['prod'] };
      expect(renderInstancePreview(spec, options)).toEqual(
        await renderInstance(spec, options),
      );
    },
  );

  it('stands in for every model class with its own apiVersion and kind', async () => {
    const models = await loadKubernetesModels();
    for (const [name, Model] of Object.entries(models)) {
      const type = MODEL_TYPES[name as keyof typeof MODEL_TYPES];
      expect({ name, apiVersion: Model.apiVersion, kind: Model.kind }).toEqual({
        name,
        ...type,
      });
      expect(Object.keys(PLAIN_MODELS)).toContain(name);
    }
    expect(Object.keys(MODEL_TYPES).sort()).toEqual(Object.keys(models).sort());
  });
});
