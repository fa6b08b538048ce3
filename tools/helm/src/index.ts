export { helmBinary, helmCacheDir, kubectlBinary } from './helmBinary';
export {
  HelmError,
  helmLint,
  helmTemplate,
  helmVersion,
  kustomizeBuild,
  parseManifest,
} from './runHelm';
export type {
  HelmChartInput,
  HelmTemplateInput,
  RenderedObject,
} from './runHelm';
