import type {
  DeploymentObject,
  StatefulSetObject,
  StatusReason,
  WorkloadObject,
  WorkloadStatus,
} from '@stalwart-backstage/plugin-stalwart-common';

/** Data stores that hold an exclusive lock on a local volume. */
const LOCAL_STORES = new Set(['rocksdb', 'sqlite']);

/**
 * Replica counts, revisions and rollout state of the instance's StatefulSet or Deployment,
 * with the findings an owner must act on.
 *
 * @public
 */
export function evaluateWorkload(options: {
  workload?: WorkloadObject;
  /** The data store kind from the instance config, to judge the update strategy. */
  dataStore?: string;
}): WorkloadStatus | undefined {
  const { workload, dataStore } = options;
  if (!workload) return undefined;
  const base =
    workload.kind === 'StatefulSet'
      ? statefulSetFacts(workload)
      : deploymentFacts(workload);
  const status: WorkloadStatus = {
    ...base,
    kind: workload.kind,
    name: workload.metadata?.name ?? '',
    dataStore,
    reasons: [],
  };
  status.reasons = workloadReasons(status, workload);
  return status;
}

type Facts = Pick<
  WorkloadStatus,
  'replicas' | 'revisions' | 'rolloutInProgress' | 'updateStrategy'
>;

function statefulSetFacts(sts: StatefulSetObject): Facts {
  const s = sts.status;
  const desired = sts.spec?.replicas ?? 1;
  const partition = sts.spec?.updateStrategy?.rollingUpdate?.partition ?? 0;
  const updated = s?.updatedReplicas ?? 0;
  const generationPending =
    (s?.observedGeneration ?? 0) < (sts.metadata?.generation ?? 0);
  return {
    replicas: {
      desired,
      ready: s?.readyReplicas ?? 0,
      updated,
      current: s?.currentReplicas ?? 0,
      available: s?.availableReplicas ?? 0,
    },
    revisions: { current: s?.currentRevision, update: s?.updateRevision },
    rolloutInProgress:
      generationPending ||
      (s?.updateRevision !== undefined &&
        s.currentRevision !== s.updateRevision) ||
      updated < desired - partition,
    updateStrategy: sts.spec?.updateStrategy?.type ?? 'RollingUpdate',
  };
}

function deploymentFacts(deployment: DeploymentObject): Facts {
  const s = deployment.status;
  const desired = deployment.spec?.replicas ?? 1;
  const updated = s?.updatedReplicas ?? 0;
  const total = s?.replicas ?? 0;
  const available = s?.availableReplicas ?? 0;
  const revision =
    deployment.metadata?.annotations?.['deployment.kubernetes.io/revision'];
  return {
    replicas: {
      desired,
      ready: s?.readyReplicas ?? 0,
      updated,
      current: total,
      available,
    },
    revisions: { current: revision, update: revision },
    // The same test `kubectl rollout status` applies.
    rolloutInProgress:
      (s?.observedGeneration ?? 0) < (deployment.metadata?.generation ?? 0) ||
      updated < desired ||
      total > updated ||
      available < updated,
    updateStrategy: deployment.spec?.strategy?.type ?? 'RollingUpdate',
  };
}

function workloadReasons(
  status: WorkloadStatus,
  workload: WorkloadObject,
): StatusReason[] {
  const reasons: StatusReason[] = [];
  const { desired, ready } = status.replicas;
  const name = `${status.kind} ${status.name}`;

  if (desired === 0) {
    reasons.push({
      code: 'workload.scaled-to-zero',
      severity: 'warning',
      message: `${name} is scaled to zero replicas`,
    });
  } else if (ready === 0) {
    reasons.push({
      code: 'workload.unavailable',
      severity: 'critical',
      message: `${name} has no ready replica (0/${desired})`,
    });
  } else if (ready < desired) {
    reasons.push({
      code: 'workload.degraded',
      severity: 'warning',
      message: `${name} has ${ready}/${desired} ready replicas`,
    });
  }

  const progressing =
    workload.kind === 'Deployment'
      ? workload.status?.conditions?.find(c => c.type === 'Progressing')
      : undefined;
  if (progressing?.reason === 'ProgressDeadlineExceeded') {
    reasons.push({
      code: 'workload.rollout-stuck',
      severity: 'critical',
      message: `${name} rollout exceeded its progress deadline: ${
        progressing.message ?? ''
      }`,
    });
  } else if (status.rolloutInProgress) {
    reasons.push({
      code: 'workload.rollout-in-progress',
      severity: 'info',
      message: `${name} is rolling out revision ${
        status.revisions.update ?? 'unknown'
      }`,
    });
  }

  const localStore =
    status.dataStore !== undefined && LOCAL_STORES.has(status.dataStore);
  if (
    localStore &&
    status.kind === 'Deployment' &&
    status.updateStrategy === 'RollingUpdate'
  ) {
    // A surge pod opens the store while the old pod still holds its LOCK file (homelab seed).
    reasons.push({
      code: 'workload.local-store-rolling-update',
      severity: 'warning',
      message: `${name} uses a ${status.dataStore} store with the RollingUpdate strategy: the next rollout will fail on the store's LOCK; use Recreate`,
    });
  }
  if (localStore && desired > 1) {
    reasons.push({
      code: 'workload.local-store-replicas',
      severity: 'warning',
      message: `${name} runs ${desired} replicas on a local ${status.dataStore} store: each replica would hold separate mail data`,
    });
  }
  return reasons;
}
