export {
  DRIFT_CLASS_INFO,
  DRIFT_EXPLANATIONS,
  DRIFT_REMEDIATIONS,
} from './explanations';
export type { DriftClassInfo } from './explanations';
