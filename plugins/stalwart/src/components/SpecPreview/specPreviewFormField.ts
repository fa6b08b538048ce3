import { createFormField } from '@backstage/plugin-scaffolder-react/alpha';
import { SpecPreviewField } from './SpecPreviewField';
import { validateSpecPreview } from './validateSpecPreview';

/** The `StalwartSpecPreview` field for the new frontend system's scaffolder. */
export const specPreviewFormField = createFormField({
  name: 'StalwartSpecPreview',
  component: SpecPreviewField,
  validation: validateSpecPreview,
});
