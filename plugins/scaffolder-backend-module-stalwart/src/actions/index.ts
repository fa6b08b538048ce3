export { createSpecValidateAction } from './specValidate';
export { createValuesRenderAction } from './valuesRender';
export { createGitOpsRenderAction } from './gitopsRender';
export { createCatalogRenderAction } from './catalogRender';
export { createPublishLocalAction } from './publishLocal';
export type { PublishLocalActionOptions } from './publishLocal';
export type {
  CatalogRenderAction,
  CatalogRenderActionInput,
  CatalogRenderActionOutput,
  GitOpsRenderAction,
  GitOpsRenderActionOutput,
  PublishLocalAction,
  PublishLocalActionInput,
  PublishLocalActionOutput,
  RenderActionInput,
  SpecValidateAction,
  SpecValidateActionInput,
  SpecValidateActionOutput,
  ValuesRenderAction,
  ValuesRenderActionOutput,
} from './types';
