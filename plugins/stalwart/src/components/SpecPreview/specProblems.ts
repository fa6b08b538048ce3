import type { JsonObject } from '@backstage/types';
import {
  formatSpecProblems,
  parseInstanceSpec,
} from '@stalwart-backstage/plugin-stalwart-charts';
import type { ParseInstanceSpecResult } from '@stalwart-backstage/plugin-stalwart-charts';

/**
 * The instance spec a template form describes: its parameters are the spec's keys, except the
 * ones `ui:options.exclude` names (pickers the template uses for other steps).
 */
export function specFromFormData(
  formData: JsonObject | undefined,
  exclude: readonly string[] = [],
): JsonObject {
  const spec: JsonObject = {};
  for (const [key, value] of Object.entries(formData ?? {})) {
    if (value !== undefined && !exclude.includes(key)) spec[key] = value;
  }
  return spec;
}

/** Parses the form's spec with the same rules as the scaffolder actions. */
export function checkFormSpec(
  formData: JsonObject | undefined,
  exclude?: readonly string[],
): { result: ParseInstanceSpecResult; lines: string[] } {
  const result = parseInstanceSpec(specFromFormData(formData, exclude));
  return {
    result,
    lines: result.ok ? [] : formatSpecProblems(result.problems),
  };
}
