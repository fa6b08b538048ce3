import type {
  ApplicationObject,
  GitOpsStatus,
  HelmReleaseObject,
  StatusReason,
} from '@stalwart-backstage/plugin-stalwart-common';

/**
 * The state of the Flux HelmRelease or Argo CD Application that owns the release.
 *
 * @public
 */
export function evaluateGitOps(owner: {
  helmRelease?: HelmReleaseObject;
  application?: ApplicationObject;
}): GitOpsStatus {
  if (owner.helmRelease) return evaluateHelmRelease(owner.helmRelease);
  if (owner.application) return evaluateApplication(owner.application);
  return { tool: 'none', reasons: [] };
}

function evaluateHelmRelease(hr: HelmReleaseObject): GitOpsStatus {
  const name = hr.metadata?.name ?? '';
  const status = hr.status;
  const ready = status?.conditions?.find(c => c.type === 'Ready');
  const failures =
    (status?.failures ?? 0) +
    (status?.installFailures ?? 0) +
    (status?.upgradeFailures ?? 0);
  const suspended = hr.spec?.suspend === true;
  // v2 records releases in `history` (newest first); v2beta1 had `lastAppliedRevision`.
  const legacyApplied = (status as { lastAppliedRevision?: string } | undefined)
    ?.lastAppliedRevision;
  const deployed = status?.history?.find(h => h.status === 'deployed');

  const reasons: StatusReason[] = [];
  if (suspended) {
    reasons.push({
      code: 'gitops.suspended',
      severity: 'warning',
      message: `HelmRelease ${name} is suspended: changes in git are not applied`,
    });
  }
  if (ready?.status === 'False') {
    reasons.push({
      code: 'gitops.not-ready',
      severity: 'warning',
      message: `HelmRelease ${name} failed to reconcile${
        failures ? ` (${failures} failures)` : ''
      }: ${ready.reason ?? ''} ${ready.message ?? ''}`.trim(),
    });
  } else if (!ready || ready.status === 'Unknown') {
    reasons.push({
      code: 'gitops.reconciling',
      severity: 'info',
      message: `HelmRelease ${name} is reconciling`,
    });
  }

  return {
    tool: 'flux',
    name,
    namespace: hr.metadata?.namespace ?? '',
    ready: {
      status: ready?.status ?? 'Unknown',
      reason: ready?.reason,
      message: ready?.message,
    },
    suspended,
    lastAppliedRevision: legacyApplied ?? deployed?.chartVersion,
    lastAttemptedRevision: status?.lastAttemptedRevision,
    failures,
    reasons,
  };
}

function evaluateApplication(app: ApplicationObject): GitOpsStatus {
  const name = app.metadata?.name ?? '';
  const sync = app.status?.sync;
  const health = app.status?.health;
  const operation = app.status?.operationState;
  const reasons: StatusReason[] = [];

  if (sync?.status === 'OutOfSync') {
    reasons.push({
      code: 'gitops.out-of-sync',
      severity: 'warning',
      message: `Application ${name} is out of sync with git`,
    });
  }
  if (health?.status === 'Degraded' || health?.status === 'Missing') {
    reasons.push({
      code: 'gitops.unhealthy',
      severity: 'warning',
      message: `Application ${name} is ${health.status}${
        health.message ? `: ${health.message}` : ''
      }`,
    });
  } else if (health?.status === 'Progressing') {
    reasons.push({
      code: 'gitops.progressing',
      severity: 'info',
      message: `Application ${name} is progressing`,
    });
  }
  if (operation?.phase === 'Failed' || operation?.phase === 'Error') {
    reasons.push({
      code: 'gitops.sync-failed',
      severity: 'warning',
      message:
        `Application ${name} last sync ${operation.phase.toLowerCase()}: ${
          operation.message ?? ''
        }`.trim(),
    });
  }

  return {
    tool: 'argocd',
    name,
    namespace: app.metadata?.namespace ?? '',
    sync: {
      status: sync?.status ?? 'Unknown',
      revision: sync?.revision ?? sync?.revisions?.[0],
    },
    health: { status: health?.status ?? 'Unknown', message: health?.message },
    operationPhase: operation?.phase,
    reasons,
  };
}
