export { createSpecValidateAction } from './specValidate';
export { createValuesRenderAction } from './valuesRender';
export { createGitOpsRenderAction } from './gitopsRender';
export { createCatalogRenderAction } from './catalogRender';
export { createPublishLocalAction } from './publishLocal';
export type { PublishLocalActionOptions } from './publishLocal';
