import type { DriftItemV1 } from '@stalwart-backstage/plugin-stalwart-common';
import { ADOPTABLE_CLASSES } from '@stalwart-backstage/plugin-stalwart-common';
import type { AdoptionRefusal } from './types';

const WHY_NOT: Record<string, string> = {
  'in-sync': 'it is in sync: git already declares the live value',
  'database-only-server': 'Stalwart manages it itself; git need not declare it',
};

/**
 * The items asked for that can be adopted, and why the others cannot (unknown id, or a class
 * where keeping the live value means nothing).
 *
 * @public
 */
export function selectAdoptableItems(
  items: DriftItemV1[],
  itemIds: string[],
): { items: DriftItemV1[]; refused: AdoptionRefusal[] } {
  const byId = new Map(items.map(item => [item.id, item]));
  const selected: DriftItemV1[] = [];
  const refused: AdoptionRefusal[] = [];
  for (const itemId of new Set(itemIds)) {
    const item = byId.get(itemId);
    if (!item)
      refused.push({ itemId, reason: `${itemId} is not in the drift report` });
    else if (!ADOPTABLE_CLASSES.includes(item.class))
      refused.push({
        itemId,
        reason: `${itemId} is ${item.class}: ${
          WHY_NOT[item.class] ?? 'not adoptable'
        }`,
      });
    else selected.push(item);
  }
  return { items: selected, refused };
}
