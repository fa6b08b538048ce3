import type { FleetRelease } from './findReleases';
import type { InventoryEntry } from './applyObjects';

/** The outcome of one reconciliation of a release, written into its status. */
export type ReconcileOutcome =
  | {
      ok: true;
      revision: string;
      chartVersion: string;
      chartName: string;
      inventory: InventoryEntry[];
    }
  | { ok: false; revision: string; reason: string; message: string };

function condition(
  type: string,
  ok: boolean,
  reason: string,
  message: string,
  at: string,
) {
  return {
    type,
    status: ok ? 'True' : 'False',
    reason,
    message,
    lastTransitionTime: at,
  };
}

/** A Flux HelmRelease status as helm-controller writes it after an install or upgrade. */
function helmReleaseStatus(
  release: FleetRelease,
  previous: any,
  outcome: ReconcileOutcome,
  at: string,
) {
  const generation = release.owner.metadata.generation ?? 1;
  if (!outcome.ok) {
    const installed = Boolean(previous?.history?.length);
    return {
      ...previous,
      observedGeneration: generation,
      conditions: [
        condition('Ready', false, outcome.reason, outcome.message, at),
        condition('Released', false, outcome.reason, outcome.message, at),
      ],
      failures: (previous?.failures ?? 0) + 1,
      ...(installed
        ? { upgradeFailures: (previous?.upgradeFailures ?? 0) + 1 }
        : { installFailures: (previous?.installFailures ?? 0) + 1 }),
      lastAttemptedRevision: outcome.revision,
    };
  }
  const history = previous?.history ?? [];
  const version = history.length + 1;
  const message = `Helm ${
    version === 1 ? 'install' : 'upgrade'
  } succeeded for release ${release.namespace}/${
    release.releaseName
  }.v${version} with chart ${outcome.chartName}@${outcome.chartVersion}`;
  const reason = version === 1 ? 'InstallSucceeded' : 'UpgradeSucceeded';
  return {
    observedGeneration: generation,
    conditions: [
      condition('Ready', true, reason, message, at),
      condition('Released', true, reason, message, at),
    ],
    history: [
      {
        name: release.releaseName,
        namespace: release.namespace,
        version,
        status: 'deployed',
        chartName: outcome.chartName,
        chartVersion: outcome.chartVersion,
        firstDeployed: history[0]?.firstDeployed ?? at,
        lastDeployed: at,
        configDigest: `sha256:${outcome.revision}`,
      },
      ...history.map((h: any) => ({ ...h, status: 'superseded' })).slice(0, 4),
    ],
    lastAttemptedRevision: outcome.chartVersion,
    lastAttemptedConfigDigest: `sha256:${outcome.revision}`,
    lastAppliedRevision: outcome.chartVersion,
    inventory: { entries: outcome.inventory },
    failures: 0,
  };
}

/** An Argo CD Application status as the application controller writes it after a sync. */
function applicationStatus(
  previous: any,
  outcome: ReconcileOutcome,
  at: string,
) {
  if (!outcome.ok) {
    return {
      ...previous,
      sync: { status: 'OutOfSync', revision: outcome.revision },
      health: { status: previous?.health?.status ?? 'Missing' },
      conditions: [
        { type: 'SyncError', message: outcome.message, lastTransitionTime: at },
      ],
      operationState: {
        phase: 'Failed',
        message: outcome.message,
        startedAt: at,
        finishedAt: at,
        syncResult: { revision: outcome.revision },
      },
    };
  }
  return {
    sync: { status: 'Synced', revision: outcome.revision },
    health: { status: 'Healthy' },
    reconciledAt: at,
    resources: outcome.inventory.map(entry => {
      const [namespace, name, group, kind] = entry.id.split('_');
      return {
        group,
        version: entry.v,
        kind,
        namespace,
        name,
        status: 'Synced',
        health: { status: 'Healthy' },
      };
    }),
    operationState: {
      phase: 'Succeeded',
      message: 'successfully synced (all tasks run)',
      startedAt: at,
      finishedAt: at,
      syncResult: { revision: outcome.revision },
    },
  };
}

/** The status the owner (HelmRelease or Application) gets for an outcome. */
export function ownerStatus(
  release: FleetRelease,
  previous: any,
  outcome: ReconcileOutcome,
  at: string,
) {
  return release.engine === 'flux'
    ? helmReleaseStatus(release, previous, outcome, at)
    : applicationStatus(previous, outcome, at);
}

/** The inventory the last successful reconciliation applied. */
export function previousInventory(
  release: FleetRelease,
  status: any,
): InventoryEntry[] {
  if (release.engine === 'flux') return status?.inventory?.entries ?? [];
  return (status?.resources ?? []).map((r: any) => ({
    id: `${r.namespace ?? ''}_${r.name}_${r.group ?? ''}_${r.kind}`,
    v: r.version,
  }));
}
