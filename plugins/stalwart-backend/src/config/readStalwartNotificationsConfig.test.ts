import { ConfigReader } from '@backstage/config';
import { readStalwartNotificationsConfig } from './readStalwartNotificationsConfig';

describe('readStalwartNotificationsConfig', () => {
  it('checks the fleet every 5 minutes unless told otherwise', () => {
    expect(readStalwartNotificationsConfig(new ConfigReader({}))).toEqual({
      enabled: true,
      certificateExpiryDays: [14, 3],
      frequency: { minutes: 5 },
      drift: { enabled: false, maxInstancesPerRun: 10 },
    });
  });

  it('leaves the fleet unchecked when notifications are disabled', () => {
    const config = new ConfigReader({
      stalwart: { notifications: { enabled: false } },
    });
    expect(readStalwartNotificationsConfig(config).enabled).toBe(false);
  });

  it('names the field and the rule for expiry days that are not whole days', () => {
    const config = new ConfigReader({
      stalwart: { notifications: { certificateExpiryDays: [1.5] } },
    });
    expect(() => readStalwartNotificationsConfig(config)).toThrow(
      /stalwart\.notifications\.certificateExpiryDays must be whole numbers of days/,
    );
  });
});
