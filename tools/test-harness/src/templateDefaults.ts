export type JsonSchema = {
  default?: unknown;
  properties?: Record<string, JsonSchema>;
};

/**
 * The values a user gets by accepting every default of the template's form, with only the
 * name and hostname changed (the template promises that is enough).
 */
export function templateDefaults(
  parameters: JsonSchema | JsonSchema[] | undefined,
): Record<string, unknown> {
  const pages = Array.isArray(parameters) ? parameters : [parameters ?? {}];
  const fill = (schema: JsonSchema): Record<string, unknown> => {
    const values: Record<string, unknown> = {};
    for (const [key, property] of Object.entries(schema.properties ?? {})) {
      if (property.default !== undefined) values[key] = property.default;
      else if (property.properties) {
        const nested = fill(property);
        if (Object.keys(nested).length) values[key] = nested;
      }
    }
    return values;
  };
  return Object.assign({}, ...pages.map(fill));
}
