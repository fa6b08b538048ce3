export { evaluateCertificate } from './certificate';
export { dnsNamesCover } from './hostnames';
export { readInstanceConfig } from './instanceConfig';
export type { InstanceConfigFacts } from './instanceConfig';
export { evaluateWorkload } from './workload';
export { evaluatePods } from './pods';
export { evaluateExposure, PROXY_PROTOCOL_ANNOTATIONS } from './exposure';
export { evaluateGitOps } from './gitops';
export { findOwningApplication, findOwningHelmRelease } from './gitopsOwner';
export type { ReleaseRef } from './gitopsOwner';
export { evaluateInstance } from './evaluateInstance';
export type { InstanceObjects, InstanceSections } from './evaluateInstance';
export { computeVerdict } from './verdict';
export type { ClusterFindings } from './verdict';
export {
  evaluateLifecycle,
  settleMissingObjects,
  settleMissingSections,
} from './lifecycle';
