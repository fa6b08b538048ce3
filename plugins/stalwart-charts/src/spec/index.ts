export {
  instanceSpecObject,
  instanceSpecSchema,
  MAX_REPLICAS,
} from './instanceSpecSchema';
export type { InstanceSpec, InstanceSpecInput } from './instanceSpecSchema';
export { parseInstanceSpec, formatSpecProblems } from './parseInstanceSpec';
export type { ParseInstanceSpecResult, SpecProblem } from './parseInstanceSpec';
export { assertInstanceSpec } from './assertInstanceSpec';
export { getInstanceSpecJsonSchema } from './jsonSchema';
export {
  requiredSecretKeys,
  resolvedDataStore,
  RELAY_SECRET_KEY,
} from './secretKeys';
export { MAIL_PORT_KINDS } from './networkSchema';
export { secretLikeReason } from './secretLike';
export { exampleInstanceSpec } from './examples';
