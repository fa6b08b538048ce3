import type { DriftItemV1 } from '@stalwart-backstage/plugin-stalwart-common';
import type { RegistrySchemaV016 } from '../../drift/v016/types';
import { selectAdoptableItems } from '../selectItems';
import type { AdoptionChange } from '../types';
import { unifiedDiff } from '../unifiedDiff';
import { adoptIntoPlan } from './adoptIntoPlan';

/**
 * The file of the instance folder that v0.16 adoption edits.
 *
 * @public
 */
export const SETTINGS_PLAN_PATH = 'settings-plan.ndjson';

/**
 * The change to an instance's GitOps folder that makes git declare the live value of the
 * chosen v0.16 drift items: one edit of `settings-plan.ndjson`. Pure.
 *
 * @public
 */
export function planAdoptionV016(input: {
  items: DriftItemV1[];
  itemIds: string[];
  plan: string;
  schema?: RegistrySchemaV016;
}): AdoptionChange {
  const selected = selectAdoptableItems(input.items, input.itemIds);
  const edited = adoptIntoPlan({
    plan: input.plan,
    items: selected.items,
    schema: input.schema,
  });
  const refused = [...selected.refused, ...edited.refused];
  if (edited.adopted.length === 0) return { adopted: [], refused, files: [] };
  return {
    adopted: edited.adopted,
    refused,
    files: [
      {
        path: SETTINGS_PLAN_PATH,
        before: input.plan,
        after: edited.plan,
        diff: unifiedDiff(SETTINGS_PLAN_PATH, input.plan, edited.plan),
      },
    ],
  };
}
