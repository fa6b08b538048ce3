export type { RenderedFile, RenderOptions } from './types';
export { renderValues, renderValuesObject } from './values/renderValues';
export { renderGitOps } from './renderGitOps';
export { renderSettingsPlan } from './settingsPlan';
export { renderCatalogEntity } from './renderCatalogEntity';
export { renderInstance } from './renderInstance';
export { renderInstancePreview } from './renderInstancePreview';
export { RENDERER_WATCH_LABELS, RENDERER_WATCH_SELECTOR } from './watchLabels';
