import type {
  CacheService,
  LoggerService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { DriftService } from '../DriftService/types';
import { instanceFromEntity } from '../InstanceResolver/instanceFromEntity';
import { driftAlert, driftedItems } from './driftAlerts';
import { sendOwnerAlert } from './sendOwnerAlert';

const TOLD_TTL_MS = 90 * 86_400_000;
const CURSOR_KEY = 'stalwart-notifications:drift-cursor';

/** An instance the status showed drift could be read on. */
export interface DriftCandidate {
  entityRef: string;
  entity: Entity;
  owner: string;
  clusters: string[];
}

/**
 * Tells owners of settings that drifted since they were last told, reading the drift of at
 * most `maxInstancesPerRun` instances per pass: each pass starts after the last instance the
 * previous one read (a cursor in the shared cache), so a large fleet is covered over a few
 * passes without any one of them opening port-forwards to every pod.
 */
export function createDriftNotifier(options: {
  drift: DriftService;
  cache: CacheService;
  notifications: Pick<NotificationService, 'send'>;
  logger: LoggerService;
  maxInstancesPerRun: number;
}) {
  const { cache, drift, logger } = options;

  async function pick(candidates: DriftCandidate[]) {
    const sorted = [...candidates].sort((a, b) =>
      a.entityRef.localeCompare(b.entityRef),
    );
    const cursor = (await cache.get(CURSOR_KEY)) as string | undefined;
    const start = Math.max(
      0,
      sorted.findIndex(c => cursor === undefined || c.entityRef > cursor),
    );
    const picked = [...sorted.slice(start), ...sorted.slice(0, start)].slice(
      0,
      options.maxInstancesPerRun,
    );
    if (picked.length > 0)
      await cache.set(CURSOR_KEY, picked[picked.length - 1].entityRef, {
        ttl: TOLD_TTL_MS,
      });
    return picked;
  }

  /** Reads one cluster and answers the item keys now known, and how many notifications went out. */
  async function notifyCluster(
    candidate: DriftCandidate,
    cluster: string,
    told: string[],
  ): Promise<{ keys: string[]; sent: number }> {
    const { entityRef, entity } = candidate;
    let response;
    try {
      const reading = await drift.read({
        instance: {
          entityRef,
          entity,
          location: instanceFromEntity(entity, entityRef),
        },
        cluster,
      });
      response = drift.toResponse(reading);
    } catch (error) {
      logger.warn(
        `Could not read the settings drift of ${entityRef} in cluster ${cluster} for its owner's notifications: ${error}`,
      );
      return { keys: told, sent: 0 };
    }
    const items = driftedItems(response);
    const fresh = items.filter(item => !told.includes(item.key));
    if (fresh.length > 0)
      await sendOwnerAlert(
        options.notifications,
        candidate.owner,
        entity,
        driftAlert(entityRef, cluster, fresh),
      );
    const keys = items.map(item => item.key);
    // A partial read does not show every item: forgetting the unseen ones would tell them again.
    return {
      keys:
        response.errors.length > 0 ? [...new Set([...told, ...keys])] : keys,
      sent: fresh.length > 0 ? 1 : 0,
    };
  }

  return async function notifyDrift(
    candidates: DriftCandidate[],
  ): Promise<{ sent: number; read: number }> {
    let sent = 0;
    const picked = await pick(candidates);
    for (const candidate of picked) {
      const toldKey = `stalwart-notifications:drift:${candidate.entityRef}`;
      const told =
        ((await cache.get(toldKey)) as Record<string, string[]> | undefined) ??
        {};
      for (const cluster of candidate.clusters) {
        const result = await notifyCluster(
          candidate,
          cluster,
          told[cluster] ?? [],
        );
        told[cluster] = result.keys;
        sent += result.sent;
      }
      await cache.set(toldKey, told, { ttl: TOLD_TTL_MS });
    }
    return { sent, read: picked.length };
  };
}
