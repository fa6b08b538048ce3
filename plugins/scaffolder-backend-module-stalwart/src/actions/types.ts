import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import type { JsonObject } from '@backstage/types';
import type { InstanceSpec } from '@stalwart-backstage/plugin-stalwart-charts';

// The actions' input and output types, named: left to inference, the declaration emit spells
// out the zod-inferred spec in every action's signature, in an order that depends on the
// compiler's state, so the API report changed between two runs on the same commit.

/**
 * Input of `stalwart:spec:validate`.
 *
 * @public
 */
export type SpecValidateActionInput = { spec: InstanceSpec };

/**
 * Output of `stalwart:spec:validate`: the spec with defaults and the names derived from it.
 *
 * @public
 */
export type SpecValidateActionOutput = {
  spec: JsonObject;
  name: string;
  namespace: string;
  path: string;
  branch: string;
  entityRef: string;
  chart: string;
  chartVersion: string;
  engine: string;
  stalwartGeneration: string;
};

/**
 * Input of the actions that render files into the workspace.
 *
 * @public
 */
export type RenderActionInput = { spec: InstanceSpec; targetPath?: string };

/**
 * Output of `stalwart:values:render`.
 *
 * @public
 */
export type ValuesRenderActionOutput = {
  files: string[];
  path: string;
  valuesDigest: string;
};

/**
 * Output of `stalwart:gitops:render`.
 *
 * @public
 */
export type GitOpsRenderActionOutput = {
  files: string[];
  path: string;
  engine: string;
};

/**
 * Input of `stalwart:catalog:render`.
 *
 * @public
 */
export type CatalogRenderActionInput = RenderActionInput & {
  owner: string;
  system?: string;
  clusters?: string[];
};

/**
 * Output of `stalwart:catalog:render`.
 *
 * @public
 */
export type CatalogRenderActionOutput = {
  files: string[];
  path: string;
  catalogInfoPath: string;
  entityRef: string;
};

/**
 * Input of `stalwart:publish:local`.
 *
 * @public
 */
export type PublishLocalActionInput = {
  spec: InstanceSpec;
  sourcePath?: string;
  commitMessage?: string;
};

/**
 * Output of `stalwart:publish:local`.
 *
 * @public
 */
export type PublishLocalActionOutput = {
  branch: string;
  remoteUrl: string;
  catalogInfoUrl: string;
  replacedFolder: boolean;
  commitSha?: string;
  baseSha?: string;
};

/**
 * The `stalwart:spec:validate` action.
 *
 * @public
 */
export type SpecValidateAction = TemplateAction<
  SpecValidateActionInput,
  SpecValidateActionOutput,
  'v2'
>;

/**
 * The `stalwart:values:render` action.
 *
 * @public
 */
export type ValuesRenderAction = TemplateAction<
  RenderActionInput,
  ValuesRenderActionOutput,
  'v2'
>;

/**
 * The `stalwart:gitops:render` action.
 *
 * @public
 */
export type GitOpsRenderAction = TemplateAction<
  RenderActionInput,
  GitOpsRenderActionOutput,
  'v2'
>;

/**
 * The `stalwart:catalog:render` action.
 *
 * @public
 */
export type CatalogRenderAction = TemplateAction<
  CatalogRenderActionInput,
  CatalogRenderActionOutput,
  'v2'
>;

/**
 * The `stalwart:publish:local` action.
 *
 * @public
 */
export type PublishLocalAction = TemplateAction<
  PublishLocalActionInput,
  PublishLocalActionOutput,
  'v2'
>;
