import type { CompoundEntityRef } from '@backstage/catalog-model';
import { createApiRef } from '@backstage/frontend-plugin-api';
import type {
  AdoptionProposalsResponseV1,
  AdoptionResultV1,
  DriftRemediationAction,
  GitOpsAction,
  GitOpsActionResultV1,
  InstanceDriftResponseV1,
  InstanceStatusResponseV1,
  ProposalMergeResultV1,
  RemediationResultV1,
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
 * Keeping live values: the dry run shows the diff, the apply commits it for review.
 *
 * @public
 */
export interface AdoptionRequest {
  /** The drift items whose live value git should declare, by `DriftItemV1.id`. */
  itemIds: string[];
  dryRun: boolean;
  /** The live values the dry run showed: the apply is refused (409) when one changed since. */
  expectedLive?: Record<string, string | null>;
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
   * Plans (`dryRun`) or carries out a remediation: the plan with the exact calls the backend
   * makes, and once executed what each call did and the drift read again. Requires
   * `stalwart.settings.reset`.
   */
  remediate(
    entityRef: CompoundEntityRef,
    request: RemediationRequest,
    options?: StalwartRequestOptions,
  ): Promise<RemediationResultV1>;

  /**
   * Previews (`dryRun`) or proposes the change that makes git declare the live values of drift
   * items, on a branch of the fleet repository. Requires `stalwart.settings.adopt`.
   */
  adopt(
    entityRef: CompoundEntityRef,
    request: AdoptionRequest,
    options?: StalwartRequestOptions,
  ): Promise<AdoptionResultV1>;

  /**
   * The instance's open adoptions (local branches, or hosted pull / merge requests with their
   * link) and the drift items each adopts. Requires `stalwart.settings.read`.
   */
  listAdoptions(
    entityRef: CompoundEntityRef,
    options?: StalwartRequestOptions,
  ): Promise<AdoptionProposalsResponseV1>;

  /**
   * Previews (`dryRun`) or runs a GitOps action on the instance's HelmRelease or Application:
   * the exact patches, and once run what the controller did. Requires `stalwart.gitops.reconcile`.
   */
  runGitOpsAction(
    entityRef: CompoundEntityRef,
    action: GitOpsAction,
    request: { dryRun: boolean; cluster?: string },
    options?: StalwartRequestOptions,
  ): Promise<GitOpsActionResultV1>;

  /**
   * Previews (`dryRun`) or merges the instance's proposal branch of the local fleet repository
   * into the branch Flux or Argo CD deploy from; pass the preview's commits back to merge
   * exactly what was shown. Requires `stalwart.proposal.merge`.
   */
  mergeProposal(
    entityRef: CompoundEntityRef,
    request: ProposalMergeRequest,
    options?: StalwartRequestOptions,
  ): Promise<ProposalMergeResultV1>;
}

/**
 * A merge of an instance's proposal: previewed only (`dryRun`) or carried out.
 *
 * @public
 */
export interface ProposalMergeRequest {
  /** Preview only: answer the files the merge brings and write nothing. */
  dryRun: boolean;
  /** The default branch's commit the preview showed: refused (409) when it moved since. */
  expectedBaseSha?: string;
  /** The proposal's commit the preview showed: refused (409) when it moved since. */
  expectedHeadSha?: string;
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
