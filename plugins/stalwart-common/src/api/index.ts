export { STATUS_API_VERSION, STATUS_BATCH_MAX_ENTITIES } from './statusV1';
export type {
  ClusterErrorV1,
  ClusterInstanceStatusV1,
  InstanceStatusBatchItemV1,
  InstanceStatusBatchResponseV1,
  InstanceStatusResponseV1,
} from './statusV1';
export { DRIFT_CLASSES } from './driftV1';
export type {
  DriftClass,
  DriftEngine,
  DriftExplanationId,
  DriftItemV1,
  DriftObjectRefV1,
  DriftPodRefV1,
  DriftPodV1,
  DriftReadErrorV1,
  DriftRemediationAction,
  InstanceDriftResponseV1,
  RemediationCallResultV1,
  RemediationCallV1,
  RemediationPlanV1,
  RemediationResultV1,
} from './driftV1';
export { GITOPS_ACTIONS } from './gitopsActionsV1';
export type {
  GitOpsAction,
  GitOpsActionPlanV1,
  GitOpsActionResultV1,
  GitOpsObjectRefV1,
  GitOpsObservedStateV1,
  GitOpsPatchV1,
} from './gitopsActionsV1';
export { ADOPTABLE_CLASSES } from './adoptionV1';
export type {
  AdoptionProposalV1,
  AdoptionProposalsResponseV1,
  AdoptionResultV1,
} from './adoptionV1';
export type {
  ProposalMergeFileV1,
  ProposalMergeResultV1,
} from './proposalMergeV1';
