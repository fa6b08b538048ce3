import type {
  BackstageCredentials,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { Entity } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  AuthorizeResult,
  type ResourcePermission,
} from '@backstage/plugin-permission-common';
import { callerKey } from './callerKey';
import { TtlLruCache } from './TtlLruCache';
import type { EntityAccess, EntityAccessService } from './types';

interface Lookup {
  permission: ResourcePermission<'catalog-entity'>;
  entityRef: string;
  credentials: BackstageCredentials;
  resolve(access: EntityAccess): void;
  reject(error: unknown): void;
}

/** One caller's lookups waiting to be sent, and how many batches of theirs are under way. */
interface CallerQueue {
  pending: Lookup[];
  inFlight: number;
  scheduled: boolean;
}

const MAX_BATCH_SIZE = 100;
/** Batches of one caller under way at once; more lookups wait and go together. */
const MAX_BATCHES_IN_FLIGHT = 2;

/**
 * Permission decisions and catalog entities, always asked for as the caller. Two things
 * spare the backend's loopback calls (each mints a token, and the permission and catalog
 * backends verify it): answers are kept for `ttlMs` per signed-in user, entity and
 * permission, so revoking access or deleting an entity shows after `ttlMs` at most; and
 * lookups one user makes at the same time go to the permission and catalog backends as one
 * batch. Services are never cached nor batched: their identity is not a stable key.
 */
export function createEntityAccessService(options: {
  permissions: PermissionsService;
  catalog: CatalogService;
  ttlMs: number;
  maxEntries: number;
  now?: () => number;
}): EntityAccessService {
  const { permissions, catalog } = options;
  const cache = new TtlLruCache<Promise<EntityAccess>>({
    ttlMs: options.ttlMs,
    maxEntries: options.maxEntries,
    now: options.now,
  });
  const queues = new Map<string, CallerQueue>();

  async function lookUp(
    lookups: Array<Omit<Lookup, 'resolve' | 'reject'>>,
  ): Promise<EntityAccess[]> {
    // Every lookup of a batch belongs to one signed-in user; the first one's token speaks.
    const { credentials } = lookups[0];
    const decisions = await permissions.authorize(
      lookups.map(l => ({
        permission: l.permission,
        resourceRef: l.entityRef,
      })),
      { credentials },
    );
    const allowedRefs = [
      ...new Set(
        lookups
          .filter((_, i) => decisions[i].result === AuthorizeResult.ALLOW)
          .map(l => l.entityRef),
      ),
    ];
    const entities = new Map<string, Entity>();
    if (allowedRefs.length > 0) {
      const { items } = await catalog.getEntitiesByRefs(
        { entityRefs: allowedRefs },
        { credentials },
      );
      items.forEach((entity, i) => {
        if (entity) entities.set(allowedRefs[i], entity);
      });
    }
    return lookups.map((l, i) =>
      decisions[i].result === AuthorizeResult.ALLOW
        ? { allowed: true, entity: entities.get(l.entityRef) }
        : { allowed: false },
    );
  }

  function schedule(key: string, queue: CallerQueue) {
    if (queue.scheduled || queue.inFlight >= MAX_BATCHES_IN_FLIGHT) return;
    if (queue.pending.length === 0) {
      if (queue.inFlight === 0) queues.delete(key);
      return;
    }
    queue.scheduled = true;
    // Lookups that arrive in the same turn of the event loop go out together.
    setImmediate(() => {
      queue.scheduled = false;
      const batch = queue.pending.splice(0, MAX_BATCH_SIZE);
      queue.inFlight += 1;
      lookUp(batch)
        .then(
          answers => batch.forEach((l, i) => l.resolve(answers[i])),
          error => batch.forEach(l => l.reject(error)),
        )
        .finally(() => {
          queue.inFlight -= 1;
          schedule(key, queue);
        });
      schedule(key, queue);
    });
  }

  function enqueue(key: string, lookup: Omit<Lookup, 'resolve' | 'reject'>) {
    return new Promise<EntityAccess>((resolve, reject) => {
      let queue = queues.get(key);
      if (!queue) {
        queue = { pending: [], inFlight: 0, scheduled: false };
        queues.set(key, queue);
      }
      queue.pending.push({ ...lookup, resolve, reject });
      schedule(key, queue);
    });
  }

  return {
    async read({ credentials, permission, entityRef }) {
      const caller = callerKey(credentials);
      if (!caller) {
        const [access] = await lookUp([{ credentials, permission, entityRef }]);
        return access;
      }
      const key = [caller, permission.name, entityRef].join('\u0000');
      const cached = cache.get(key);
      if (cached) return cached;
      const answer = enqueue(caller, { credentials, permission, entityRef });
      cache.set(key, answer);
      // Keep decisions, not failures nor entities the catalog did not show (yet).
      answer.then(
        access => {
          if (access.allowed && !access.entity) cache.delete(key, answer);
        },
        () => cache.delete(key, answer),
      );
      return answer;
    },
  };
}
