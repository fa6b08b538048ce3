/**
 * Scaffolder actions that turn a Stalwart instance spec into GitOps files and propose them in
 * a fleet repository, plus the URL reader that lets the catalog read the local fleet
 * repository's branches.
 *
 * @packageDocumentation
 */
import { createBackendFeatureLoader } from '@backstage/backend-plugin-api';
import { fleetRepositoryUrlReaderFactory } from './fleet-repository/fleetRepositoryUrlReaderFactory';
import { stalwartScaffolderModule } from './module';

export * from './actions';
export { stalwartScaffolderModule } from './module';
export { fleetRepositoryUrlReaderFactory } from './fleet-repository/fleetRepositoryUrlReaderFactory';
export { LocalFleetRepository } from './fleet-repository/LocalFleetRepository';
export type {
  GitIdentity,
  ProposeFolderRequest,
  ProposedCommit,
} from './fleet-repository/LocalFleetRepository';
export { fileOnBranchUrl } from './fleet-repository/fleetUrls';
export type { FleetFs } from './fleet-repository/fleetFs';
export type { TreeFile } from './fleet-repository/gitTrees';
export {
  readLocalGitOpsConfig,
  type LocalGitOpsConfig,
} from './config/readLocalGitOpsConfig';

/**
 * The scaffolder module and the fleet repository URL reader, added together by
 * `backend.add(import('@stalwart-backstage/plugin-scaffolder-backend-module-stalwart'))`.
 *
 * @public
 */
export default createBackendFeatureLoader({
  *loader() {
    yield stalwartScaffolderModule;
    yield fleetRepositoryUrlReaderFactory;
  },
});
