/**
 * Stalwart mail servers in Backstage: the instance status tab, Overview cards, settings drift,
 * the fleet page and the template's spec preview field. The default export is the
 * new-frontend-system plugin (also at `./alpha`) so feature discovery installs it; the named
 * exports serve apps on the legacy frontend system.
 *
 * @packageDocumentation
 */
export { stalwartPlugin as default } from './alpha/plugin';
export {
  stalwartLegacyPlugin,
  stalwartLegacyRootRouteRef,
  StalwartFleetPage,
  EntityStalwartContent,
  EntityStalwartVerdictCard,
  EntityStalwartCertificateCard,
  StalwartSpecPreviewFieldExtension,
} from './legacy/plugin';
export { stalwartApiRef } from './api/StalwartApi';
export type {
  AdoptionRequest,
  ProposalMergeRequest,
  RemediationRequest,
  StalwartApi,
  StalwartRequestOptions,
} from './api/StalwartApi';
export { StalwartClient } from './api/StalwartClient';
export {
  SharedQueryCache,
  stalwartQueryCacheApiRef,
} from './queries/SharedQueryCache';
export type { Fetcher, QuerySnapshot } from './queries/SharedQueryCache';
export type { SharedQueryResult } from './queries/useSharedQuery';
export { useInstanceStatus } from './queries/useInstanceStatus';
export { useInstanceDrift } from './queries/useInstanceDrift';
