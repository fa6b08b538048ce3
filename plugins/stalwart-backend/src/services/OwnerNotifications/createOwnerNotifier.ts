import type {
  AuthService,
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import { STALWART_ANNOTATIONS } from '@stalwart-backstage/plugin-stalwart-common';
import { resolvedInstanceOf } from '../InstanceResolver/instanceFromEntity';
import type { StatusService } from '../StatusService/types';
import { ownerAlerts } from './ownerAlerts';

const SENT_TTL_MS = 90 * 86_400_000;

/**
 * One pass over the fleet: reads each instance's status and notifies its owner of new alerts.
 * Each alert is sent once (its key is remembered in the shared cache, so replicas agree); an
 * alert whose condition cleared is forgotten, so it is sent again if the condition returns.
 */
export function createOwnerNotifier(options: {
  auth: AuthService;
  catalog: CatalogService;
  cache: CacheService;
  statusService: StatusService;
  notifications: NotificationService;
  logger: LoggerService;
  expiryThresholdDays: number[];
}) {
  const { cache, notifications } = options;
  return async function notifyOwners(): Promise<{ sent: number }> {
    const credentials = await options.auth.getOwnServiceCredentials();
    const { items } = await options.catalog.getEntities(
      {
        filter: {
          [`metadata.annotations.${STALWART_ANNOTATIONS.release}`]:
            CATALOG_FILTER_EXISTS,
        },
      },
      { credentials },
    );
    let sent = 0;
    for (const entity of items) {
      const owner = entity.spec?.owner;
      if (typeof owner !== 'string') continue;
      const instance = resolvedInstanceOf(entity);
      const { entityRef } = instance;
      const status = await options.statusService.getStatus(instance);
      const alerts = ownerAlerts(status, options.expiryThresholdDays);
      const activeKey = `stalwart-notifications:active:${entityRef}`;
      const previous =
        ((await cache.get(activeKey)) as string[] | undefined) ?? [];
      const current = alerts.map(a => a.key);
      for (const alert of alerts) {
        if (previous.includes(alert.key)) continue;
        await notifications.send({
          recipients: { type: 'entity', entityRef: owner },
          payload: {
            title: alert.title,
            description: alert.description,
            severity: alert.severity,
            link: `/catalog/${
              entity.metadata.namespace ?? 'default'
            }/${entity.kind.toLocaleLowerCase('en-US')}/${
              entity.metadata.name
            }/mail-server`,
            topic: 'stalwart',
            scope: alert.key,
          },
        });
        sent += 1;
      }
      await cache.set(activeKey, current, { ttl: SENT_TTL_MS });
    }
    options.logger.info(`Stalwart owner notifications: ${sent} sent`);
    return { sent };
  };
}
