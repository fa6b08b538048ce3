export { helmBinary, helmCacheDir } from './helmBinary';
export {
  HelmError,
  helmLint,
  helmTemplate,
  helmVersion,
  parseManifest,
} from './runHelm';
export type {
  HelmChartInput,
  HelmTemplateInput,
  RenderedObject,
} from './runHelm';
