import type {
  DriftClass,
  DriftItemV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import { DRIFT_CLASSES } from '@stalwart-backstage/plugin-stalwart-common';

/** The setting an item is about: its key (v0.15) or its registry object and field (v0.16). */
export function itemName(item: DriftItemV1): string {
  if (item.key) return item.key;
  if (!item.object) return item.id;
  const { type, naturalKey, id, field } = item.object;
  const which = naturalKey ?? id;
  return `${type}${which ? `[${which}]` : ''}${field ? `/${field}` : ''}`;
}

/** The classes that count as drift: everything but in-sync. */
export const DRIFTED_CLASSES: DriftClass[] = DRIFT_CLASSES.filter(
  c => c !== 'in-sync',
);

/** Items of the chosen classes whose name, group or values contain the search text. */
export function filterDriftItems(
  items: DriftItemV1[],
  filter: { search: string; classes: ReadonlySet<DriftClass> },
): DriftItemV1[] {
  const needle = filter.search.trim().toLocaleLowerCase();
  return items.filter(item => {
    if (!filter.classes.has(item.class)) return false;
    if (!needle) return true;
    return [itemName(item), item.group, item.declared, item.live]
      .filter((s): s is string => typeof s === 'string')
      .some(s => s.toLocaleLowerCase().includes(needle));
  });
}
