import { createHash } from 'node:crypto';
import type {
  DriftClass,
  DriftItemV1,
  InstanceDriftResponseV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import type { OwnerAlert } from './ownerAlerts';

// In sync is no news; server-managed records are Stalwart's own bookkeeping, hidden by default.
const QUIET_CLASSES: ReadonlySet<DriftClass> = new Set([
  'in-sync',
  'database-only-server',
]);

/** One drifted setting, under the key it is told once under. */
export interface DriftedItem {
  /** Changes when the item's identity, class, declared or live value changes. */
  key: string;
  /** The setting as a person reads it: the config key, or the registry object and field. */
  label: string;
  class: DriftClass;
}

function itemLabel(item: DriftItemV1): string {
  if (item.key) return item.key;
  if (item.object) {
    const { type, naturalKey, id, field } = item.object;
    return `${type} ${naturalKey ?? id ?? ''}${field ? ` /${field}` : ''}`
      .replace(/\s+/g, ' ')
      .trim();
  }
  return item.id;
}

/**
 * The drifted items of one drift read. Values are digested into the key, never kept: a masked
 * value has none here, so a masked item alerts again only when its class changes.
 */
export function driftedItems(response: InstanceDriftResponseV1): DriftedItem[] {
  return response.items
    .filter(item => !QUIET_CLASSES.has(item.class))
    .map(item => {
      const identity = JSON.stringify([
        item.id,
        item.key ?? null,
        item.object?.type ?? null,
        item.object?.naturalKey ?? null,
        item.object?.field ?? null,
      ]);
      const state = JSON.stringify([
        item.class,
        item.declared ?? null,
        item.live ?? null,
      ]);
      const digest = createHash('sha256')
        .update(`${identity}\n${state}`)
        .digest('hex')
        .slice(0, 24);
      return {
        key: `${response.entityRef}|${response.cluster}|settings-drift|${digest}`,
        label: itemLabel(item),
        class: item.class,
      };
    });
}

const LISTED_ITEMS = 10;

/**
 * One notification for the items of one cluster that drifted since the owner was last told.
 * Its key is the instance and cluster, so a later drift updates the same notification.
 */
export function driftAlert(
  entityRef: string,
  cluster: string,
  fresh: DriftedItem[],
): OwnerAlert {
  const listed = fresh
    .slice(0, LISTED_ITEMS)
    .map(item => `${item.label} (${item.class})`);
  if (fresh.length > LISTED_ITEMS)
    listed.push(`and ${fresh.length - LISTED_ITEMS} more`);
  return {
    key: `${entityRef}|${cluster}|settings-drift`,
    kind: 'settings-drift',
    title:
      fresh.length === 1
        ? `A setting of ${entityRef} drifted from git`
        : `${fresh.length} settings of ${entityRef} drifted from git`,
    description: `Cluster ${cluster}: ${listed.join(', ')}`,
    severity: 'normal',
  };
}
