import { Config, readDurationFromConfig } from '@backstage/config';
import { HumanDuration } from '@backstage/types';

/** The owner notifications' settings, read once at startup. */
export interface StalwartNotificationsConfig {
  /** False: the fleet is never checked, so nothing is sent. */
  enabled: boolean;
  /** Days before a certificate's expiry at which its owner is told, e.g. `[14, 3]`. */
  certificateExpiryDays: number[];
  /** How often one backend of the cluster checks the fleet. */
  frequency: HumanDuration;
  /** Settings drift notifications: off unless enabled, since each one reads Stalwart itself. */
  drift: {
    enabled: boolean;
    /** Instances whose drift one pass reads at most; the next pass goes on from there. */
    maxInstancesPerRun: number;
  };
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
  const maxInstancesPerRun =
    notifications?.getOptionalNumber('drift.maxInstancesPerRun') ?? 10;
  if (!Number.isInteger(maxInstancesPerRun) || maxInstancesPerRun < 1)
    throw new Error(
      `stalwart.notifications.drift.maxInstancesPerRun must be a whole number, at least 1, not ${maxInstancesPerRun}`,
    );
  return {
    enabled: notifications?.getOptionalBoolean('enabled') ?? true,
    certificateExpiryDays: days,
    frequency: notifications?.has('frequency')
      ? readDurationFromConfig(notifications, { key: 'frequency' })
      : { minutes: 5 },
    drift: {
      enabled: notifications?.getOptionalBoolean('drift.enabled') ?? false,
      maxInstancesPerRun,
    },
  };
}
