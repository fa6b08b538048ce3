export * from './types';
export { unifiedDiff } from './unifiedDiff';
export { selectAdoptableItems } from './selectItems';
export { adoptIntoPlan } from './v016/adoptIntoPlan';
export type { PlanAdoptionInput } from './v016/adoptIntoPlan';
export { planAdoptionV016, SETTINGS_PLAN_PATH } from './v016/planAdoptionV016';
export { adoptIntoSpec } from './v015/adoptIntoSpec';
export { specFieldOfKey } from './v015/specFieldOfKey';
