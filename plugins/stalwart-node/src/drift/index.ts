export type {
  DriftReport,
  ReadFailure,
  RegistryFix,
  WorkloadRef,
} from './types';
export { digestOf, isMacroReference, isSecretLikeKey } from './masking';
export { rolloutRestartCall } from './rolloutRestart';
export { toDriftResponseV1 } from './response';
export type { DriftResponseContext } from './response';
export { classifyDriftV015 } from './v015/classifyDriftV015';
export {
  NODE_ID_PLACEHOLDER,
  podSubstitutionsV015,
} from './v015/podSubstitutions';
export { isServerManagedKeyV015 } from './v015/serverManaged';
export { planRemediationV015 } from './v015/planRemediationV015';
export type { RemediationRequest } from './v015/planRemediationV015';
export type { V015DriftInput, V015PodInput } from './v015/types';
export { classifyDriftV016 } from './v016/classifyDriftV016';
export {
  planRemediationV016,
  RELOAD_SETTINGS_CALL,
} from './v016/planRemediationV016';
export {
  completeObject,
  propertyDefault,
  resetValueOf,
  schemaNameOf,
} from './v016/schemaDefaults';
export type { FieldSchema } from './v016/schemaDefaults';
export {
  isServerDefaultObject,
  SERVER_DEFAULT_OBJECTS,
} from './v016/serverDefaults';
export {
  registryTypesPlan,
  registryTypesToRead,
  singletonSkipReason,
} from './v016/schemaView';
export type { RegistryReadOptions } from './v016/schemaView';
export type {
  RegistrySchemaV016,
  V016DriftInput,
  V016PodInput,
} from './v016/types';
