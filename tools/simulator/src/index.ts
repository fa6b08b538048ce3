/**
 * A simulated Kubernetes API server and Stalwart management API, for dev, tests,
 * end-to-end runs and benchmarks.
 *
 * @packageDocumentation
 */
export { createSimulator } from './createSimulator';
export type {
  Simulator,
  SimulatorOptions,
  SimulatedClusterEndpoint,
} from './createSimulator';
export type {
  GitOpsOptions,
  GitOpsReconciler,
} from './gitops/startGitOpsReconciler';
export { startSimulatorServer } from './server/startSimulatorServer';
export { clusterLocatorEntries } from './server/clusterLocatorEntries';
export type { ClusterLocatorEntry } from './server/clusterLocatorEntries';
export type {
  SimulatorServer,
  SimulatorServerOptions,
} from './server/startSimulatorServer';
export { SimulatorControl } from './control/SimulatorControl';
export type { FaultRule } from './control/Faults';
export type { ClusterRequestCounts } from './control/RequestCounter';
export type { StalwartFaultRule } from './control/StalwartFaults';
export { loadScenario } from './scenario/loadScenario';
export { scenarioSecretValues } from './scenario/scenarioSecretValues';
export type { Scenario, ScenarioCluster } from './scenario/types';
export type { AccessRule, ClusterUser } from './kube/SimulatedCluster';
export { eksTokenReview } from './kube/auth/eksTokenReview';
export type { AwsTestCredentials } from './kube/auth/eksTokenReview';
export { generateFleet } from './scenario/generateFleet';
export type {
  StalwartServerSpec,
  StalwartServerDocument,
} from './stalwart/types';
export { encodeV015ApiKey } from './stalwart/v015/encodeV015ApiKey';
export { encodeV016ApiKey } from './stalwart/v016/V016Server';
export { applySettingsPlan } from './stalwart/v016/applySettingsPlan';
export { onboardInstance } from './gitops/onboardInstance';
export type {
  BackstageCredentialsSecret,
  Onboarding,
} from './gitops/onboardInstance';
export type { PlanApplyResult } from './stalwart/v016/applySettingsPlan';
export { V016Server } from './stalwart/v016/V016Server';
export { hasKubectl, KUBECTL, runKubectl } from './runKubectl';
