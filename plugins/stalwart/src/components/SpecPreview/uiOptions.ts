/**
 * `ui:options` of the `StalwartSpecPreview` field.
 *
 * @public
 */
export interface SpecPreviewUiOptions {
  /** Form keys that are not part of the instance spec (e.g. a repository picker). */
  exclude?: string[];
}

export function excludedKeys(uiSchema: unknown): string[] {
  const options = (
    uiSchema as { 'ui:options'?: SpecPreviewUiOptions } | undefined
  )?.['ui:options'];
  return Array.isArray(options?.exclude) ? options!.exclude : [];
}
