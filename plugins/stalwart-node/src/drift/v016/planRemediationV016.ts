import type {
  RemediationCallV1,
  RemediationPlanV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import { rolloutRestartCall } from '../rolloutRestart';
import type { DriftReport, RegistryFix } from '../types';
import type { RemediationRequest } from '../v015/planRemediationV015';

/**
 * `x:Action/set` creating `ReloadSettings`: rebuilds the running config on every node (stalwart-v016.md §1 "Reloading").
 *
 * @public
 */
export const RELOAD_SETTINGS_CALL: RemediationCallV1 = {
  target: 'stalwart-jmap',
  method: 'x:Action/set',
  arguments: { create: { reload: { '@type': 'ReloadSettings' } } },
  description: 'Reload the settings on every node (ReloadSettings)',
};

/** One `x:<Type>/set` per type: updates merged per object, then creates, then destroys. */
function setCalls(fixes: RegistryFix[]): RemediationCallV1[] {
  const byType = new Map<string, RegistryFix[]>();
  for (const fix of fixes)
    byType.set(fix.type, [...(byType.get(fix.type) ?? []), fix]);
  const calls: RemediationCallV1[] = [];
  for (const [type, list] of [...byType].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const update: Record<string, Record<string, unknown>> = {};
    const create: Record<string, Record<string, unknown>> = {};
    const destroy: string[] = [];
    list.forEach((fix, i) => {
      if (fix.kind === 'update')
        update[fix.id] = { ...update[fix.id], ...fix.patch };
      else if (fix.kind === 'create') create[`c${i}`] = fix.value;
      else destroy.push(fix.id);
    });
    const args = {
      ...(Object.keys(create).length ? { create } : {}),
      ...(Object.keys(update).length ? { update } : {}),
      ...(destroy.length ? { destroy } : {}),
    };
    const what = [
      Object.keys(create).length && `create ${Object.keys(create).length}`,
      Object.keys(update).length && `update ${Object.keys(update).join(', ')}`,
      destroy.length && `destroy ${destroy.join(', ')}`,
    ].filter(Boolean);
    calls.push({
      target: 'stalwart-jmap',
      method: `${type}/set`,
      arguments: args,
      description: `${type}: ${what.join('; ')}, as git declares`,
    });
  }
  return calls;
}

/**
 * The exact JMAP calls that reset v0.16 items to git (re-apply the declared objects, then
 * `ReloadSettings`), or the rollout restart for pods on an old config.json. Pure.
 *
 * @public
 */
export function planRemediationV016(
  report: DriftReport,
  action: RemediationPlanV1['action'],
  request: RemediationRequest,
): RemediationPlanV1 {
  if (action === 'restart-stale-pods') {
    const stale = report.pods.filter(p => p.staleConfig).map(p => p.name);
    return {
      action,
      engine: 'v0.16',
      itemIds: report.items
        .filter(i => i.remediations.includes('restart-stale-pods'))
        .map(i => i.id),
      calls: stale.length
        ? [
            rolloutRestartCall(
              request.workload,
              request.now,
              `${stale.join(', ')} started on an older config.json`,
            ),
          ]
        : [],
      restartRequired: stale.length > 0,
      pods: stale.length ? report.pods.map(p => p.name) : [],
      skipped: [],
    };
  }
  const byId = new Map(report.items.map(i => [i.id, i]));
  const fixes: RegistryFix[] = [];
  const itemIds: string[] = [];
  const skipped: RemediationPlanV1['skipped'] = [];
  for (const id of request.itemIds) {
    const item = byId.get(id);
    const fix = report.registryFixes[id];
    if (!item)
      skipped.push({
        itemId: id,
        reason: 'No such item in the current drift.',
      });
    else if (item.class === 'in-sync')
      skipped.push({ itemId: id, reason: 'Already in sync.' });
    else if (!fix)
      skipped.push({
        itemId: id,
        reason:
          item.object?.type === 'x:DataStore'
            ? 'config.json is read at start: restart the pods on the old config instead.'
            : 'No safe registry call restores it (a literal secret, or a reference to an object that does not exist).',
      });
    else {
      itemIds.push(id);
      fixes.push(fix);
    }
  }
  const calls = setCalls(fixes);
  if (calls.length) calls.push(RELOAD_SETTINGS_CALL);
  return {
    action,
    engine: 'v0.16',
    itemIds,
    calls,
    restartRequired: false,
    pods: [],
    skipped,
  };
}
