import type {
  GitOpsStatus,
  InstanceLifecycle,
  ProposalState,
  StatusReason,
  WorkloadStatus,
} from '@stalwart-backstage/plugin-stalwart-common';

function gitopsFailure(gitops?: GitOpsStatus): string | undefined {
  if (!gitops || gitops.tool === 'none') return undefined;
  if (gitops.tool === 'flux') {
    return gitops.ready.status === 'False' && gitops.failures > 0
      ? gitops.ready.message ?? gitops.ready.reason ?? 'HelmRelease failed'
      : undefined;
  }
  return gitops.operationPhase === 'Failed' || gitops.operationPhase === 'Error'
    ? gitops.reasons.find(r => r.severity !== 'info')?.message ??
        'Argo CD sync failed'
    : undefined;
}

/**
 * The lifecycle phase from the proposal and what each cluster runs: a failed HelmRelease or
 * sync is `failed` with the engine's reason; ready pods at the desired count are `running`;
 * any GitOps object or workload is `reconciling`; otherwise the proposal decides between
 * `proposed` (not merged yet) and `merged` (waiting for Flux or Argo CD).
 *
 * @public
 */
export function evaluateLifecycle(options: {
  proposal?: ProposalState;
  clusters: Array<{ workload: WorkloadStatus | null; gitops?: GitOpsStatus }>;
}): InstanceLifecycle {
  const { proposal, clusters } = options;
  const failure = clusters.map(c => gitopsFailure(c.gitops)).find(Boolean);
  if (failure) return { phase: 'failed', message: failure, proposal };
  const running = clusters.some(
    c =>
      c.workload &&
      c.workload.replicas.desired > 0 &&
      c.workload.replicas.ready >= c.workload.replicas.desired,
  );
  if (running) {
    return { phase: 'running', message: 'All pods are ready', proposal };
  }
  if (
    clusters.some(c => c.workload || (c.gitops && c.gitops.tool !== 'none'))
  ) {
    return {
      phase: 'reconciling',
      message: 'Flux or Argo CD is rolling the release out',
      proposal,
    };
  }
  if (proposal?.state === 'open') {
    return {
      phase: 'proposed',
      message: `Proposed on branch ${proposal.branch}; merge it to deploy`,
      proposal,
    };
  }
  if (proposal?.state === 'deleted') {
    return {
      phase: 'failed',
      message: `The proposal's branch ${proposal.branch} was deleted before it was merged`,
      proposal,
    };
  }
  return {
    phase: 'merged',
    message: 'Merged, waiting for Flux or Argo CD to deploy it',
    proposal,
  };
}

/**
 * Missing objects (workload, Service, Certificate) are expected, not critical, while the
 * instance is still on its way.
 *
 * @public
 */
export function settleMissingObjects(
  reasons: StatusReason[],
  lifecycle: InstanceLifecycle,
): StatusReason[] {
  if (!['proposed', 'merged', 'reconciling'].includes(lifecycle.phase)) {
    return reasons;
  }
  return reasons.map(r =>
    r.code.endsWith('.missing')
      ? {
          ...r,
          severity: 'info',
          message: `${r.message} yet: ${lifecycle.message}`,
        }
      : r,
  );
}

/**
 * The certificate and exposure sections of a cluster with their own missing-object findings
 * settled as {@link settleMissingObjects} settles the verdict's, so no card calls a proposal
 * critical.
 *
 * @public
 */
export function settleMissingSections<
  T extends {
    certificate?: { reasons: StatusReason[] };
    exposure?: { reasons: StatusReason[] };
  },
>(cluster: T, lifecycle: InstanceLifecycle): T {
  const settled = { ...cluster };
  if (cluster.certificate) {
    settled.certificate = {
      ...cluster.certificate,
      reasons: settleMissingObjects(cluster.certificate.reasons, lifecycle),
    };
  }
  if (cluster.exposure) {
    settled.exposure = {
      ...cluster.exposure,
      reasons: settleMissingObjects(cluster.exposure.reasons, lifecycle),
    };
  }
  return settled;
}
