/**
 * Real processes for the project's integration tests and benchmarks.
 *
 * @packageDocumentation
 */
export { freePort } from './freePort';
export { waitFor } from './waitFor';
export { startPostgres, isPostgresInstalled } from './startPostgres';
export type { RunningPostgres } from './startPostgres';
export { startBackend } from './startBackend';
export type { RunningBackend, StartBackendOptions } from './startBackend';
export { getGuestToken } from './guestToken';
export { startBackendWithSimulator } from './startBackendWithSimulator';
export type { BackendWithSimulator } from './startBackendWithSimulator';
export type { ClusterLocatorEntry } from '@stalwart-backstage/simulator';
export { startGitHost } from './startGitHost';
export type { GitHost } from './startGitHost';
export {
  demoEntities,
  registeredFromGit,
  simulatorBackendConfig,
  startDemoFleet,
} from './demoFleet';
export type { DemoFleet } from './demoFleet';
export { seedDemoFleetRepository } from './seedDemoFleetRepository';
export { proposedInstanceEntity } from './proposedEntity';
export { templateDefaults } from './templateDefaults';
export type { JsonSchema } from './templateDefaults';
export { REFERENCE_CHARTS } from './demoPaths';
export {
  FRESH_CLUSTER,
  referenceChartDir,
  startFreshFleet,
} from './freshFleet';
export type { FreshFleet, FreshInstance } from './freshFleet';
export { haveReferenceCharts } from './referenceCharts';
export { mockGitHubPullRequests } from './mockGitHubPullRequests';
