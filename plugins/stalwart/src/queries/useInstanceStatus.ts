import {
  Entity,
  getCompoundEntityRef,
  stringifyEntityRef,
} from '@backstage/catalog-model';
import { useApi } from '@backstage/frontend-plugin-api';
import { useSignal } from '@backstage/plugin-signals-react';
import type { InstanceStatusResponseV1 } from '@stalwart-backstage/plugin-stalwart-common';
import {
  isStalwartInstance,
  statusSignalChannel,
} from '@stalwart-backstage/plugin-stalwart-common';
import { useCallback, useEffect } from 'react';
import { stalwartApiRef } from '../api/StalwartApi';
import { entityQueryKey } from './entityQueryKey';
import { SharedQueryResult, useSharedQuery } from './useSharedQuery';

/** The cache key of an entity's status; one query per entity, whoever asks. */
export function statusQueryKey(entity: Entity | string): string {
  return entityQueryKey('status', entity);
}

/**
 * The status of an instance entity, shared by every card on the page. With the signals plugin
 * installed it is refreshed when the backend signals a change of verdict or lifecycle; without
 * it, on the configured interval. Entities without the release annotation are not queried.
 *
 * @public
 */
export function useInstanceStatus(
  entity: Entity,
): SharedQueryResult<InstanceStatusResponseV1> {
  const api = useApi(stalwartApiRef);
  const fetcher = useCallback(
    (signal: AbortSignal) =>
      api.getInstanceStatus(getCompoundEntityRef(entity), { signal }),
    [api, entity],
  );
  const { lastSignal, isSignalsAvailable } = useSignal(
    statusSignalChannel(stringifyEntityRef(entity)),
  );
  const result = useSharedQuery(
    isStalwartInstance(entity) ? statusQueryKey(entity) : undefined,
    fetcher,
    { poll: !isSignalsAvailable },
  );
  const { refresh } = result;
  useEffect(() => {
    if (lastSignal) void refresh();
  }, [lastSignal, refresh]);
  return result;
}
