import { instanceSpecSchema } from '@stalwart-backstage/plugin-stalwart-charts';

/**
 * The instance spec, embedded as its zod/v3 schema so the scaffolder publishes and checks its
 * JSON Schema; the handlers parse it again for the rules JSON Schema cannot express.
 */
export const specInput = () =>
  instanceSpecSchema.describe(
    'The Stalwart instance spec: the template parameters that carry the spec keys (name, namespace, hostname, chart, tls, secrets, gitops, ...).',
  );

export const targetPathInput = (z: typeof import('zod/v3').z) =>
  z
    .string()
    .optional()
    .describe(
      'Folder of the workspace to write into, relative to the workspace; defaults to the spec’s gitops.path so the workspace mirrors the fleet repository.',
    );
