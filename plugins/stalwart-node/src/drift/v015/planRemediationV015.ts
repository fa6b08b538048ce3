import type {
  DriftItemV1,
  RemediationCallV1,
  RemediationPlanV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import { rolloutRestartCall } from '../rolloutRestart';
import type { DriftReport, WorkloadRef } from '../types';

/** @public */
export interface RemediationRequest {
  /** The items to fix; for `restart-stale-pods` ignored (every stale pod restarts). */
  itemIds: string[];
  workload: WorkloadRef;
  /** The restart timestamp (the planner is pure). */
  now: Date;
}

/** Why an item cannot be reset, or which kind of fix it needs. */
function fixFor(
  item: DriftItemV1,
  storedKeys: string[] | undefined,
): { deleteKeys: string[] } | { restart: true } | { skip: string } {
  switch (item.class) {
    case 'database-only-user':
    case 'database-only-server':
      return storedKeys?.length
        ? { deleteKeys: storedKeys }
        : { skip: 'The stored key spelling is unknown; read the drift again.' };
    case 'changed-live':
    case 'missing-live':
      // The file always wins for keys it sets (§2.1) and the init container re-copies the
      // ConfigMap on every start (§4): a restart is the fix; deleting a local key would
      // rewrite the pod's file instead (§2.3).
      return { restart: true };
    default:
      return { skip: 'Already in sync.' };
  }
}

/**
 * The exact calls that reset v0.15 items to git, or restart the pods still on an old config
 * (stalwart-v015.md §1 "Settings endpoints", "Reload"). Pure: the backend runs the calls in
 * order after showing them as the dry run.
 *
 * @public
 */
export function planRemediationV015(
  report: DriftReport,
  action: RemediationPlanV1['action'],
  request: RemediationRequest,
): RemediationPlanV1 {
  const { workload, now } = request;
  if (action === 'restart-stale-pods') {
    const stale = report.pods.filter(p => p.staleConfig).map(p => p.name);
    const calls = stale.length
      ? [
          rolloutRestartCall(
            workload,
            now,
            `${stale.join(', ')} run an older config`,
          ),
        ]
      : [];
    const itemIds = report.items
      .filter(i => i.explanation === 'pod-on-old-config')
      .map(i => i.id);
    return {
      action,
      engine: 'v0.15',
      itemIds,
      calls,
      restartRequired: stale.length > 0,
      pods: stale.length ? report.pods.map(p => p.name) : [],
      skipped: [],
    };
  }

  const byId = new Map(report.items.map(i => [i.id, i]));
  const deletes: string[] = [];
  const restartPods = new Set<string>();
  const itemIds: string[] = [];
  const skipped: RemediationPlanV1['skipped'] = [];
  for (const id of request.itemIds) {
    const item = byId.get(id);
    if (!item) {
      skipped.push({
        itemId: id,
        reason: 'No such item in the current drift.',
      });
      continue;
    }
    const fix = fixFor(item, report.storedKeys[id]);
    if ('skip' in fix) {
      skipped.push({ itemId: id, reason: fix.skip });
      continue;
    }
    itemIds.push(id);
    if ('deleteKeys' in fix) deletes.push(...fix.deleteKeys);
    else item.pods.forEach(p => restartPods.add(p.name));
  }

  const calls: RemediationCallV1[] = [...new Set(deletes)].map(key => ({
    target: 'stalwart-rest',
    method: 'DELETE',
    path: `/api/settings/${encodeURIComponent(key)}`,
    description: `Delete ${key} from the settings database`,
  }));
  if (calls.length)
    calls.push({
      target: 'stalwart-rest',
      method: 'GET',
      path: '/api/reload',
      description:
        'Rebuild the running config from config.toml and the database, on every node',
    });
  const affected = [...restartPods].sort();
  if (affected.length)
    calls.push(
      rolloutRestartCall(
        workload,
        now,
        `${affected.join(', ')} serve values the ConfigMap does not declare`,
      ),
    );
  return {
    action,
    engine: 'v0.15',
    itemIds,
    calls,
    restartRequired: affected.length > 0,
    // A rollout restart replaces every pod, not only the affected ones.
    pods: affected.length ? report.pods.map(p => p.name) : [],
    skipped,
  };
}
