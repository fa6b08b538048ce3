import type { ActionsRegistryService } from '@backstage/backend-plugin-api/alpha';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { AdoptionService } from '../services/AdoptionService/createAdoptionService';
import type { DriftService } from '../services/DriftService/types';
import type { EntityAccessService } from '../services/EntityAccess/types';
import type { InstanceResolver } from '../services/InstanceResolver/types';
import type { GitOpsActionService } from '../services/GitOpsActions/types';
import type { RateLimiter } from '../services/RemediationService/RateLimiter';
import type { StatusService } from '../services/StatusService/types';

/** What the AI-agent actions are built from: the same services the HTTP routes use. */
export interface StalwartActionDeps {
  actionsRegistry: ActionsRegistryService;
  catalog: CatalogService;
  entityAccess: EntityAccessService;
  resolver: InstanceResolver;
  statusService: StatusService;
  driftService: DriftService;
  adoptionService: AdoptionService;
  gitopsActions: GitOpsActionService;
  rateLimiter: RateLimiter;
}
