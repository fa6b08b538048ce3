import type {
  AuthService,
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import { CATALOG_FILTER_EXISTS } from '@backstage/catalog-client';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import { STALWART_ANNOTATIONS } from '@stalwart-backstage/plugin-stalwart-common';
import type { DriftService } from '../DriftService/types';
import { resolvedInstanceOf } from '../InstanceResolver/instanceFromEntity';
import type { StatusService } from '../StatusService/types';
import { createDriftNotifier, DriftCandidate } from './createDriftNotifier';
import { driftReadableClusters } from './driftReadableClusters';
import { ownerAlerts } from './ownerAlerts';
import { sendOwnerAlert } from './sendOwnerAlert';

const SENT_TTL_MS = 90 * 86_400_000;

/**
 * One pass over the fleet: reads each instance's status and notifies its owner of new alerts.
 * Each alert is sent once (its key is remembered in the shared cache, so replicas agree); an
 * alert whose condition cleared is forgotten, so it is sent again if the condition returns.
 * Given `drift`, the settings drift of instances whose status shows it readable is read too
 * (a bounded number per pass) and owners told of newly drifted settings.
 */
export function createOwnerNotifier(options: {
  auth: AuthService;
  catalog: CatalogService;
  cache: CacheService;
  statusService: StatusService;
  notifications: Pick<NotificationService, 'send'>;
  logger: LoggerService;
  expiryThresholdDays: number[];
  drift?: { service: DriftService; maxInstancesPerRun: number };
}) {
  const { cache, notifications } = options;
  const notifyDrift =
    options.drift &&
    createDriftNotifier({
      drift: options.drift.service,
      cache,
      notifications,
      logger: options.logger,
      maxInstancesPerRun: options.drift.maxInstancesPerRun,
    });
  return async function notifyOwners(): Promise<{
    sent: number;
    driftRead: number;
  }> {
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
    const driftCandidates: DriftCandidate[] = [];
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
        await sendOwnerAlert(notifications, owner, entity, alert);
        sent += 1;
      }
      await cache.set(activeKey, current, { ttl: SENT_TTL_MS });
      const clusters = driftReadableClusters(status);
      if (clusters.length > 0)
        driftCandidates.push({ entityRef, entity, owner, clusters });
    }
    const drift = notifyDrift
      ? await notifyDrift(driftCandidates)
      : { sent: 0, read: 0 };
    sent += drift.sent;
    options.logger.info(
      `Stalwart owner notifications: ${sent} sent, settings drift read on ${drift.read} instances`,
    );
    return { sent, driftRead: drift.read };
  };
}
