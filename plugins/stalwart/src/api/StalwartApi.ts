import type { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  DriftRemediationAction,
  InstanceDriftResponseV1,
  InstanceStatusResponseV1,
  RemediationPlanV1,
} from '@stalwart-backstage/plugin-stalwart-common';

/**
 * Options every Stalwart API call accepts.
 *
 * @public
 */
export interface StalwartRequestOptions {
  signal?: AbortSignal;
}

/**
 * A remediation of drifted settings: planned only (`dryRun`) or carried out.
 *
 * @public
 */
export interface RemediationRequest {
  action: DriftRemediationAction;
  /** The drift items to fix, by `DriftItemV1.id`. */
  itemIds: string[];
  dryRun: boolean;
}

/**
 * The Stalwart backend (`/api/stalwart`), called as the signed-in user.
 *
 * @public
 */
export interface StalwartApi {
  /** Workload, pods, certificate, exposure, GitOps state and verdict of an instance entity. */
  getInstanceStatus(
    entityRef: CompoundEntityRef,
    options?: StalwartRequestOptions,
  ): Promise<InstanceStatusResponseV1>;

  /**
   * What git declares against what Stalwart runs. Classes hidden by default (server-managed
   * keys) are included only when asked.
   */
  getInstanceDrift(
    entityRef: CompoundEntityRef,
    options?: StalwartRequestOptions & { includeHidden?: boolean },
  ): Promise<InstanceDriftResponseV1>;

  /**
   * Plans (`dryRun`) or carries out a remediation; both answer with the plan, the exact calls
   * the backend makes. Requires `stalwart.settings.reset`.
   */
  remediate(
    entityRef: CompoundEntityRef,
    request: RemediationRequest,
    options?: StalwartRequestOptions,
  ): Promise<RemediationPlanV1>;
}

/**
 * The {@link StalwartApi} of the app.
 *
 * @public
 */
export const stalwartApiRef = createApiRef<StalwartApi>().with({
  id: 'plugin.stalwart.client',
  pluginId: 'stalwart',
});
