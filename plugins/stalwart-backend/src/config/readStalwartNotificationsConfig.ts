import { Config, readDurationFromConfig } from '@backstage/config';
import { HumanDuration } from '@backstage/types';

/** The owner notifications' settings, read once at startup. */
export interface StalwartNotificationsConfig {
  /** Days before a certificate's expiry at which its owner is told, e.g. `[14, 3]`. */
  certificateExpiryDays: number[];
  /** How often one backend of the cluster checks the fleet. */
  frequency: HumanDuration;
}

/** Reads `stalwart.notifications`. */
export function readStalwartNotificationsConfig(
  config: Config,
): StalwartNotificationsConfig {
  const notifications = config.getOptionalConfig('stalwart.notifications');
  const days = notifications?.getOptional<number[]>(
    'certificateExpiryDays',
  ) ?? [14, 3];
  if (
    !Array.isArray(days) ||
    days.length === 0 ||
    days.some((d: unknown) => !Number.isInteger(d) || (d as number) < 0)
  )
    throw new Error(
      `stalwart.notifications.certificateExpiryDays must be whole numbers of days, at least 0, not ${JSON.stringify(
        days,
      )}`,
    );
  return {
    certificateExpiryDays: days,
    frequency: notifications?.has('frequency')
      ? readDurationFromConfig(notifications, { key: 'frequency' })
      : { minutes: 5 },
  };
}
