export {
  applyPlanPatch,
  parseSettingsPlan,
  parseSettingsPlanOperations,
  planTypeName,
} from './planFile';
export type {
  SettingsPlanOperation,
  SettingsPlanOperationType,
} from './planFile';
export { writeSettingsPlan } from './planWriter';
export type { DeclaredObject } from './types';
