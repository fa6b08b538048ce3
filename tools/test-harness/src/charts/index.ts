export {
  loadReferenceChart,
  loadReferenceTemplates,
  SHARED_DIR,
} from './referenceCharts';
export type {
  ReferenceChart,
  ReferenceTemplateDocument,
} from './referenceCharts';
export { realChartDir } from './realChart';
export { ENGINES, PROVIDERS, specMatrix } from './specMatrix';
export type { MatrixCase } from './specMatrix';
