import type {
  DriftEngine,
  DriftItemV1,
} from '@stalwart-backstage/plugin-stalwart-common';
import { ADOPTABLE_CLASSES } from '@stalwart-backstage/plugin-stalwart-common';

/** Whether "Keep live value" applies to an item: absent, offered, or shown disabled with why. */
export type KeepLiveAvailability =
  | { offered: false }
  | { offered: true; disabledReason?: string };

export function keepLiveAvailability(
  item: DriftItemV1,
  context: { engine: DriftEngine; allowed: boolean },
): KeepLiveAvailability {
  if (!ADOPTABLE_CLASSES.includes(item.class)) return { offered: false };
  if (!context.allowed)
    return {
      offered: true,
      disabledReason: 'You may not adopt settings into git',
    };
  if (item.masked)
    return {
      offered: true,
      disabledReason: 'A secret: its value never goes into git',
    };
  if (context.engine !== 'v0.16')
    return {
      offered: true,
      disabledReason:
        'On v0.15, adopt into the spec with stalwart-gitops adopt',
    };
  return { offered: true };
}
