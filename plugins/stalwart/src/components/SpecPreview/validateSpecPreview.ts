import type { CustomFieldValidator } from '@backstage/plugin-scaffolder-react';
import { excludedKeys } from './uiOptions';

/**
 * Refuses to submit the form while its spec is invalid, one `path: message` error per problem.
 * The spec schema loads on first use, so apps pay for it only on the template page.
 */
export const validateSpecPreview: CustomFieldValidator<unknown> = async (
  _value,
  field,
  context,
) => {
  const { checkFormSpec } = await import('./specProblems');
  const { lines } = checkFormSpec(
    context.formData,
    excludedKeys(context.uiSchema),
  );
  lines.forEach(line => field.addError(line));
};
