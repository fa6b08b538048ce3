import type { Entity } from '@backstage/catalog-model';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { OwnerAlert } from './ownerAlerts';

/** Notifies `owner` of one alert, linking to the entity's Mail server tab. */
export async function sendOwnerAlert(
  notifications: Pick<NotificationService, 'send'>,
  owner: string,
  entity: Entity,
  alert: OwnerAlert,
): Promise<void> {
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
}
