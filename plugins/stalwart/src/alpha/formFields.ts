import { FormFieldBlueprint } from '@backstage/plugin-scaffolder-react/alpha';

/**
 * `scaffolder-form-field:stalwart/spec-preview`: the `StalwartSpecPreview` field, loaded with
 * the spec schema only when a template uses it.
 *
 * @alpha
 */
export const stalwartSpecPreviewFormField = FormFieldBlueprint.make({
  name: 'spec-preview',
  params: {
    field: () =>
      import('../components/SpecPreview/specPreviewFormField').then(
        m => m.specPreviewFormField,
      ),
  },
});
